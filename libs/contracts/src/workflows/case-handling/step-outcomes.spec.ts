import { clashingStep, outcomesOf, stepRoleOf } from './step-outcomes';

describe('what each step may decide', () => {
  it('places a village 初审 before 受理 and a town 初审 after it', () => {
    expect(stepRoleOf('代办', 'village')).toBe('pre-acceptance');
    expect(stepRoleOf('初审', 'village')).toBe('pre-acceptance');
    expect(stepRoleOf('初审', 'town')).toBe('review');
    expect(stepRoleOf('受理', 'village')).toBe('acceptance');
    expect(stepRoleOf('决定', 'county')).toBe('decision');
    expect(stepRoleOf('用印', 'town')).toBeUndefined();
  });

  it('lets only 受理 refuse to accept, only 决定 decide, and a review recommend', () => {
    const words = (role: Parameters<typeof outcomesOf>[0]) => outcomesOf(role).map((each) => each.label);
    expect(words('pre-acceptance')).toEqual(['报送', '补正']);
    expect(words('acceptance')).toEqual(['受理', '不予受理', '补正']);
    expect(words('review')).toEqual(['通过（拟同意）', '退回', '拟不予']);
    expect(words('decision')).toEqual(['准予', '不予', '退回']);
    expect(words('delivery')).toEqual(['已送达']);
  });
});

describe('审批分离: steps one person may not both take', () => {
  const taken = [
    { kind: '受理' as const, handlerId: 'wang' },
    { kind: '审核' as const, handlerId: 'li' },
  ];

  it('keeps whoever reviewed a case from deciding it', () => {
    expect(clashingStep('决定', 'li', taken)).toBe('审核');
    expect(clashingStep('决定', 'wang', taken)).toBeUndefined();
    expect(clashingStep('决定', 'zhao', taken)).toBeUndefined();
  });

  it('keeps apart the pairs a county adds, in either order', () => {
    expect(clashingStep('审核', 'wang', taken.slice(0, 1), [['受理', '审核']])).toBe('受理');
    expect(clashingStep('审核', 'wang', taken.slice(0, 1), [['审核', '受理']])).toBe('受理');
    expect(clashingStep('审核', 'wang', taken.slice(0, 1))).toBeUndefined();
  });
});
