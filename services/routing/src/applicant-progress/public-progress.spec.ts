import type { CaseStatus, RoutePlan } from '@oneseal/contracts';
import { publicProgress, type ProgressRow } from './public-progress';

const route: RoutePlan = {
  matterCode: 'ZZ-T-002',
  rule: '乡级负责受理、审核',
  steps: [
    { kind: '受理', level: 'town', unitCode: '140525100-window', budgetWorkingDays: 1, because: '' },
    { kind: '审核', level: 'town', unitCode: '140525100-review', budgetWorkingDays: 3, because: '' },
    { kind: '决定', level: 'county', unitCode: '140525-mz', budgetWorkingDays: 5, because: '' },
    { kind: '用印', level: 'county', unitCode: '140525-mz', budgetWorkingDays: 1, because: '' },
    { kind: '送达', level: 'town', unitCode: '140525100-window', budgetWorkingDays: 10, because: '' },
  ],
};

const row: ProgressRow = {
  receiptNumber: '140525-20261202-000001',
  matterName: '临时救助',
  matterCode: 'ZZ-T-002',
  stage: 'awaiting-correction',
  routedAt: new Date('2026-12-02T01:00:00Z'),
  acceptedAt: new Date('2026-12-02T02:00:00Z'),
  committedDueDate: '2026-12-16',
  result: null,
  matterTypeCode: '05',
  concludedAt: null,
  route,
};

const status = {
  caseId: 'c',
  receiptNumber: row.receiptNumber,
  stage: 'awaiting-correction',
  currentStep: {
    index: 1,
    visit: 1,
    kind: '审核',
    level: 'town',
    unitCode: '140525100-review',
    openedOn: '2026-12-02',
  },
  extensionWorkingDays: 0,
  clockStops: [{ reason: '补正', from: '2026-12-03T01:00:00Z' }],
  correction: { missingMaterials: ['收入证明', '户口簿复印件'], supplyBy: '2026-12-09' },
  warningsRaised: [],
  history: [
    {
      index: 0,
      kind: '受理',
      taskId: 't0',
      outcome: 'approve',
      handlerId: 'u-window',
      handlerName: '南村镇受理窗口（演示）',
      opinion: '同意',
      decidedAt: '2026-12-02T02:00:00Z',
    },
    {
      index: 1,
      kind: '审核',
      taskId: 't1',
      outcome: 'request-correction',
      handlerId: 'u-review',
      handlerName: '南村镇审核员（演示）',
      opinion: '缺少收入证明',
      decidedAt: '2026-12-03T01:00:00Z',
    },
  ],
} satisfies CaseStatus;

describe('what the applicant sees of their case', () => {
  it('tells where it stands, what to bring and by when, and why a step did not pass', () => {
    const view = publicProgress(row, status, undefined);
    expect(view).toEqual(
      expect.objectContaining({
        stage: 'awaiting-correction',
        stageText: '待补正材料（暂停计时）',
        matterName: '临时救助',
        committedDueDate: '2026-12-16',
        currentStep: { stepName: '审核', levelText: '镇', openedOn: '2026-12-02' },
        correction: { missingMaterials: ['收入证明', '户口簿复印件'], supplyBy: '2026-12-09' },
        mayRate: false,
        rating: null,
      }),
    );
    expect(view.history).toEqual([
      { stepName: '受理', levelText: '镇', outcomeText: '已受理', decidedAt: '2026-12-02T02:00:00Z' },
      {
        stepName: '审核',
        levelText: '镇',
        outcomeText: '需补正材料',
        reason: '缺少收入证明',
        decidedAt: '2026-12-03T01:00:00Z',
      },
    ]);
  });

  it('never shows who handled it, nor the notes colleagues leave each other on a return', () => {
    const returned = {
      ...status,
      history: [
        ...status.history,
        {
          index: 1,
          kind: '审核',
          taskId: 't2',
          outcome: 'return',
          handlerId: 'u-review',
          opinion: '请王科长再看一下受理意见',
          decidedAt: '2026-12-04T01:00:00Z',
        },
      ],
    } satisfies CaseStatus;
    const view = publicProgress(row, returned, undefined);
    expect(view.history[2]).toEqual({
      stepName: '审核',
      levelText: '镇',
      outcomeText: '退回上一环节重办',
      decidedAt: '2026-12-04T01:00:00Z',
    });
    const shown = JSON.stringify(view);
    expect(shown).not.toContain('王科长');
    // A reviewer's 拟不予 is for the decider: the applicant reads that the review is done, not a refusal.
    const recommended = publicProgress(
      row,
      {
        ...status,
        history: [
          ...status.history,
          {
            index: 1,
            kind: '审核',
            taskId: 't3',
            outcome: 'reject',
            handlerId: 'u-review',
            opinion: '收入超标，拟不予',
            decidedAt: '2026-12-05T01:00:00Z',
          },
        ],
      },
      undefined,
    );
    expect(recommended.history[2]).toEqual({
      stepName: '审核',
      levelText: '镇',
      outcomeText: '已审核',
      decidedAt: '2026-12-05T01:00:00Z',
    });
    expect(shown).not.toContain('u-window');
    expect(shown).not.toContain('南村镇审核员');
    expect(shown).not.toContain('140525100-review');
  });

  it('answers from the read model alone when the workflow cannot be asked', () => {
    const view = publicProgress(
      { ...row, stage: 'routed', acceptedAt: null, committedDueDate: null },
      undefined,
      undefined,
    );
    expect(view).toEqual(
      expect.objectContaining({
        stage: 'submitted',
        stageText: '已提交，待受理',
        history: [],
        currentStep: null,
      }),
    );
  });

  it('offers the rating once the result is handed over (or the case ended without one), and shows it once given', () => {
    const decided: ProgressRow = {
      ...row,
      stage: 'concluded',
      result: '准予',
      concludedAt: new Date('2026-12-04T01:00:00Z'),
    };
    // 临时救助 is a 行政给付: granted as 给付; not done for the applicant until it is handed over.
    expect(publicProgress(decided, undefined, undefined)).toEqual(
      expect.objectContaining({ stageText: '已作出决定，待送达', resultText: '准予给付', mayRate: false }),
    );
    const ended: ProgressRow = { ...decided, stage: 'delivered' };
    expect(publicProgress(ended, undefined, undefined)).toEqual(
      expect.objectContaining({ resultText: '准予给付', mayRate: true, currentStep: null, correction: null }),
    );
    // An information service is answered at the window: nothing to hand over, done when it concludes.
    const answered: ProgressRow = {
      ...decided,
      matterTypeCode: '20',
      route: {
        matterCode: 'ZZ-T-018',
        rule: '信息服务',
        steps: [
          { kind: '受理', level: 'town', unitCode: '140525100-window', budgetWorkingDays: 0, because: '' },
        ],
      },
    };
    expect(publicProgress(answered, undefined, undefined)).toEqual(
      expect.objectContaining({ stageText: '已办结', resultText: '已办结', mayRate: true }),
    );
    const withdrawn: ProgressRow = { ...decided, result: '撤件' };
    expect(publicProgress(withdrawn, undefined, undefined)).toEqual(
      expect.objectContaining({ stageText: '已办结', resultText: '申请人撤回申请', mayRate: true }),
    );
    const rated = publicProgress(ended, undefined, {
      score: 2,
      comment: '跑了两趟',
      categories: ['materials', 'efficiency'],
      ratedAt: new Date('2026-12-05T01:00:00Z'),
      rectifyBy: '2026-12-25',
    });
    expect(rated.mayRate).toBe(false);
    expect(rated.rating).toEqual({
      score: 2,
      scoreText: '不满意',
      comment: '跑了两趟',
      reasons: ['材料要求', '办事效率'],
      ratedAt: '2026-12-05T01:00:00.000Z',
      rectifyBy: '2026-12-25',
      answer: null,
    });
    // The town's answer to the 差评 reaches the applicant, without the name of who wrote it.
    const followedUp = publicProgress(ended, undefined, {
      score: 2,
      comment: '跑了两趟',
      ratedAt: new Date('2026-12-05T01:00:00Z'),
      response: '已在窗口公示材料清单，一次告知所需材料',
      respondedAt: new Date('2026-12-07T02:00:00Z'),
    });
    expect(followedUp.rating?.answer).toEqual({
      text: '已在窗口公示材料清单，一次告知所需材料',
      answeredAt: '2026-12-07T02:00:00.000Z',
    });
  });
});
