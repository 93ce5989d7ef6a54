import { progressKeyOf } from './progress-key';

describe('the key an applicant finds their case by', () => {
  it('is the same for the same receipt and mobile, whatever spaces a person types around them', () => {
    expect(progressKeyOf('140525-20261123-000001', '13800138000')).toBe(
      progressKeyOf(' 140525-20261123-000001', '13800138000 '),
    );
    expect(progressKeyOf('140525-20261123-000001', '13800138000')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another mobile or another receipt, and contains neither', () => {
    const key = progressKeyOf('140525-20261123-000001', '13800138000');
    expect(progressKeyOf('140525-20261123-000001', '13800138001')).not.toBe(key);
    expect(progressKeyOf('140525-20261123-000002', '13800138000')).not.toBe(key);
    expect(key).not.toContain('13800138000');
  });
});
