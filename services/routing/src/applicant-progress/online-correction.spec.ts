import type { CaseStatus } from '@oneseal/contracts';
import { correctionStillMissing } from './online-correction';

const awaiting = {
  stage: 'awaiting-correction',
  correction: { missingMaterials: ['户口簿', '收入证明'], supplyBy: '2027-01-15' },
  history: [
    {
      index: 0,
      kind: '受理',
      taskId: 't1',
      outcome: 'request-correction',
      handlerId: 'w1',
      opinion: '缺户口簿、收入证明',
      decidedAt: '2026-12-05T02:00:00.000Z',
    },
  ],
} as unknown as CaseStatus;

const page = (materialName: string, stage: string, addedAt: string) => ({ materialName, stage, addedAt });

describe('a 补正 supplied online', () => {
  it('lacks every material asked for until a page of it is uploaded as a 补正', () => {
    expect(correctionStillMissing(awaiting, [])).toEqual(['户口簿', '收入证明']);
    expect(
      correctionStillMissing(awaiting, [
        page('户口簿', 'correction', '2026-12-05T03:00:00.000Z'),
        page('收入证明', 'filing', '2026-12-05T03:00:00.000Z'),
      ]),
    ).toEqual(['收入证明']);
  });

  it('does not count pages uploaded before the 补正 was asked for', () => {
    expect(
      correctionStillMissing(awaiting, [
        page('户口簿', 'correction', '2026-12-01T03:00:00.000Z'),
        page('收入证明', 'correction', '2026-12-05T02:30:00.000Z'),
      ]),
    ).toEqual(['户口簿']);
  });
});
