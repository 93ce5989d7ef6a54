import { TOWN_HANDLING_MODES, VILLAGE_HANDLING_MODES } from '../catalogue/handling-mode';
import { routeRuleBook } from './route-rule-book';

describe('the route rules a county reviews', () => {
  const book = routeRuleBook();

  it('has one rule per handling mode of the annexes, plus 直接赋权, 即办件 and 信息服务, each key once', () => {
    expect(book).toHaveLength(TOWN_HANDLING_MODES.length + VILLAGE_HANDLING_MODES.length + 3);
    expect(new Set(book.map((rule) => rule.key)).size).toBe(book.length);
  });

  it('gives every step a desk, a budget and a reason, in words', () => {
    for (const rule of book) {
      expect(rule.steps.length).toBeGreaterThan(0);
      for (const step of rule.steps) {
        expect(step.desk).toMatch(/[\u4e00-\u9fa5]/);
        expect(step.because).toMatch(/[\u4e00-\u9fa5]/);
        expect(step.budgetWorkingDays).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('says where the county takes over: 乡级负责受理、审核 reviews in the town and decides in the bureau', () => {
    const rule = book.find((candidate) => candidate.key === 'town:乡级负责受理、审核');
    expect(rule?.steps.map((step) => `${step.kind}@${step.desk}`)).toEqual([
      '受理@乡镇便民服务中心综合窗口',
      '审核@乡镇审核岗',
      '决定@主管县直部门',
      '用印@主管县直部门',
      '送达@乡镇便民服务中心综合窗口',
    ]);
    const delegated = book.find((candidate) => candidate.key === 'town:delegated');
    expect(delegated?.steps.map((step) => step.desk)).not.toContain('主管县直部门');
  });
});
