import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PublishGuideDto } from '../../guides/dto/publish-guide.dto';
import { DelegationReasonDto } from './delegation.dto';

describe('text fields of the administrator’s and bureaus’ requests', () => {
  it('count spaces as nothing, and keep what was meant', () => {
    const blank = plainToInstance(DelegationReasonDto, { reason: '   ' });
    expect(validateSync(blank).map((error) => error.property)).toEqual(['reason']);
    const padded = plainToInstance(DelegationReasonDto, { reason: ' 泽民发〔2026〕12号 ' });
    expect(validateSync(padded)).toEqual([]);
    expect(padded.reason).toBe('泽民发〔2026〕12号');
  });

  it('refuse a guide material whose name is only spaces', () => {
    const guide = plainToInstance(PublishGuideDto, {
      expectedVersion: 1,
      reason: '确认',
      legalBasis: '依据',
      caseKind: '即办件',
      statutoryLimitWorkingDays: null,
      committedLimitWorkingDays: 0,
      materials: [{ name: '  ', issuer: '申请人', originals: 1, copies: 0, required: true }],
      fee: '不收费',
      onlineDepth: 0,
      onSiteVisits: 1,
      appointment: false,
      expressDelivery: false,
    });
    const [problem] = validateSync(guide);
    expect(problem?.property).toBe('materials');
  });
});
