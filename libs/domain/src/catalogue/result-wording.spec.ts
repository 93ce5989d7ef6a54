import { resultWording } from './result-wording';

describe('how a case ended, in the words of its matter type', () => {
  it('grants and refuses as each type does', () => {
    expect(resultWording('05', '准予')).toBe('准予给付');
    expect(resultWording('05', '不予许可')).toBe('不予给付');
    expect(resultWording('07', '准予')).toBe('予以确认');
    expect(resultWording('07', '不予许可')).toBe('不予确认');
    expect(resultWording('20', '准予')).toBe('已办结');
    expect(resultWording('20', '不予许可')).toBe('不予办理');
    expect(resultWording('01', '出证')).toBe('准予许可，已出证');
  });

  it('never calls a refusal at 受理 退回, and words what ended without a decision', () => {
    expect(resultWording('05', '退回')).toBe('不予受理');
    expect(resultWording(undefined, '撤件')).toBe('申请人撤回申请');
    expect(resultWording(null, '补正不来')).toBe('逾期未补正，终止办理');
    expect(resultWording(undefined, '准予')).toBe('准予');
  });
});
