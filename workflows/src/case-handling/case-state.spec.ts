import {
  CASE_REFUSALS,
  type CaseHandlingInput,
  type RoutePlan,
  type StepDecision,
} from '@oneseal/contracts/workflow';
import { CaseState } from './case-state';

const route: RoutePlan = {
  matterCode: 'ZZ-T-007',
  rule: '办理方式为空',
  steps: [
    { kind: '受理', level: 'town', unitCode: '140525100-window', budgetWorkingDays: 1, because: '' },
    { kind: '审核', level: 'town', unitCode: '140525100-review', budgetWorkingDays: 5, because: '' },
    { kind: '决定', level: 'town', unitCode: '140525100-approval', budgetWorkingDays: 5, because: '' },
    { kind: '用印', level: 'town', unitCode: '140525100-seal', budgetWorkingDays: 1, because: '' },
    { kind: '送达', level: 'town', unitCode: '140525100-window', budgetWorkingDays: 10, because: '' },
  ],
};

const input: CaseHandlingInput = {
  caseId: 'c1',
  county: '140525',
  town: '140525100',
  matterCode: 'ZZ-T-007',
  matterName: '测试事项',
  matterVersion: 1,
  receiptNumber: '140525-20261204-000001',
  applicantName: '张三',
  correlationId: 'c1',
  caseKind: '承诺件',
  committedLimitWorkingDays: 10,
  statutoryLimitWorkingDays: 20,
  deliveryMethod: 'pick-up',
  correctionWaitWorkingDays: 5,
  route,
};

const decision = (
  taskId: string,
  outcome: 'approve' | 'reject' | 'return' | 'request-correction' = 'approve',
) => ({
  taskId,
  outcome,
  handlerId: 'h1',
  opinion: '同意',
});

/** A case accepted today, its 审核 task open. */
function underReview(): CaseState {
  const state = new CaseState(input);
  state.openStep(0, 'task-accept', '2026-12-04');
  state.recordDecision(0, decision('task-accept'), '2026-12-04T01:00:00Z');
  state.accept('2026-12-04');
  state.openStep(1, 'task-review', '2026-12-04');
  return state;
}

const typeOf = (refusal: { type: string } | undefined) => refusal?.type;

describe('CaseState: every change of a case in one place, and what it refuses', () => {
  it('takes a decision on the open task only, once', () => {
    const state = underReview();
    expect(typeOf(state.refuseDecision(decision('another-task')))).toBe(CASE_REFUSALS.taskNotCurrent);
    expect(state.refuseDecision(decision('task-review'))).toBeUndefined();
    state.takeDecision(decision('task-review'));
    expect(typeOf(state.refuseDecision(decision('task-review')))).toBe(CASE_REFUSALS.taskNotCurrent);
    expect(state.nextRequest()).toEqual({ kind: 'decision', decision: decision('task-review') });
    expect(state.hasRequest()).toBe(false);
  });

  it('grants a 行政给付 only with what it grants: amount and form', () => {
    const granting = new CaseState({ ...input, matterTypeCode: '05' });
    granting.openStep(0, 'task-accept', '2026-12-04');
    granting.accept('2026-12-04');
    granting.recordDecision(0, decision('task-accept'), '2026-12-04T01:00:00Z');
    const decideAt = granting.steps.findIndex((step) => step.kind === '决定');
    granting.openStep(decideAt, 'task-decide', '2026-12-04');
    const approve = (grant?: StepDecision['grant']) =>
      typeOf(
        granting.refuseDecision({
          ...decision('task-decide'),
          handlerId: 'leader',
          ...(grant ? { grant } : {}),
        }),
      );
    expect(approve()).toBe(CASE_REFUSALS.decisionIncomplete);
    expect(approve({ amount: '2000 元' })).toBe(CASE_REFUSALS.decisionIncomplete);
    expect(approve({ amount: '2000 元', form: '打入社会保障卡' })).toBeUndefined();
  });

  it('asks a refusal or a return for its reason, and a 补正 for everything missing at once', () => {
    const state = underReview();
    const incomplete = [
      { ...decision('task-review', 'reject'), opinion: '  ' },
      { ...decision('task-review', 'return'), opinion: '' },
    ];
    for (const asked of incomplete) {
      expect(typeOf(state.refuseDecision(asked))).toBe(CASE_REFUSALS.decisionIncomplete);
    }
    const atWindow = new CaseState(input);
    atWindow.openStep(0, 'task-accept', '2026-12-04');
    expect(
      typeOf(
        atWindow.refuseDecision({ ...decision('task-accept', 'request-correction'), missingMaterials: [] }),
      ),
    ).toBe(CASE_REFUSALS.decisionIncomplete);
  });

  it('offers each step only its own outcomes: a review neither refuses for good nor asks a 补正', () => {
    const state = underReview();
    expect(typeOf(state.refuseDecision(decision('task-review', 'request-correction')))).toBe(
      CASE_REFUSALS.outcomeNotForStep,
    );
    expect(state.refuseDecision({ ...decision('task-review', 'reject'), opinion: '拟不予' })).toBeUndefined();
    const atWindow = new CaseState(input);
    atWindow.openStep(0, 'task-accept', '2026-12-04');
    expect(typeOf(atWindow.refuseDecision({ ...decision('task-accept', 'return'), opinion: '退回' }))).toBe(
      CASE_REFUSALS.outcomeNotForStep,
    );
  });

  it('stops the clock for a special procedure at once: decisions wait, the stop is recorded, resumption closes it', () => {
    const state = underReview();
    expect(typeOf(state.refuseResumption())).toBe(CASE_REFUSALS.notSuspended);
    state.takeSuspension({ procedure: '公示', reason: '公示 7 天', handlerId: 'l1' }, '2026-12-07');
    expect(state.clockRunning).toBe(false);
    expect(typeOf(state.refuseDecision(decision('task-review')))).toBe(CASE_REFUSALS.caseSuspended);
    expect(typeOf(state.refuseSuspension())).toBe(CASE_REFUSALS.notSuspendable);
    state.takeResumption('l1', '2026-12-14');
    expect(state.closedStops()).toEqual([{ from: '2026-12-07', to: '2026-12-14' }]);
    expect(state.refuseDecision(decision('task-review'))).toBeUndefined();
  });

  it('counts a 补正 as a clock stop until it is supplied, and refuses a 补正 nobody asked for', () => {
    const state = underReview();
    expect(typeOf(state.refuseCorrectionSupplied())).toBe(CASE_REFUSALS.noCorrectionPending);
    state.recordDecision(1, decision('task-review', 'request-correction'), '2026-12-04T02:00:00Z');
    state.requestCorrection(['收入证明'], '2027-01-15', '2026-12-04');
    expect(state.status.stage).toBe('awaiting-correction');
    expect(state.refuseCorrectionSupplied()).toBeUndefined();
    state.takeCorrectionSupplied({ handlerId: 'w1', suppliedMaterials: ['收入证明'] });
    state.correctionSupplied('2026-12-09');
    expect(state.status.stage).toBe('in-progress');
    expect(state.closedStops()).toEqual([{ from: '2026-12-04', to: '2026-12-09' }]);
  });

  it('extends once, by at most 10 working days, within the statutory limit plus 10, and only before the decision', () => {
    const extend = (state: CaseState, extraWorkingDays: number) =>
      typeOf(state.refuseExtension({ extraWorkingDays, reason: '情况复杂', approvedBy: 'l' }));
    expect(extend(new CaseState(input), 5)).toBe(CASE_REFUSALS.notExtendable);
    const state = underReview();
    expect(extend(state, 0)).toBe(CASE_REFUSALS.extensionInvalid);
    // 行政许可法 art. 42: ten working days at most, and once.
    expect(extend(state, 11)).toBe(CASE_REFUSALS.extensionInvalid);
    expect(extend(state, 10)).toBeUndefined();
    state.extendBy(10);
    expect(extend(state, 1)).toBe(CASE_REFUSALS.notExtendable);
    // Taken but not yet run (the walk is busy issuing a document): a second one is refused all the same.
    const busy = underReview();
    busy.takeExtension({ extraWorkingDays: 3, reason: '情况复杂', approvedBy: 'l' });
    expect(extend(busy, 2)).toBe(CASE_REFUSALS.notExtendable);
    // A committed limit close to the statutory one leaves less room.
    const tight = new CaseState({ ...input, committedLimitWorkingDays: 25 });
    tight.openStep(0, 'task-accept', '2026-12-04');
    tight.accept('2026-12-04');
    expect(extend(tight, 6)).toBe(CASE_REFUSALS.notExtendable);
    expect(extend(tight, 5)).toBeUndefined();
    const decided = underReview();
    decided.decide('准予', decision('task-review'));
    expect(extend(decided, 1)).toBe(CASE_REFUSALS.notExtendable);
  });

  it('refuses a withdrawal once the decision is taken, from the moment the deciding update is taken', () => {
    const state = underReview();
    state.recordDecision(1, decision('task-review'), '2026-12-04T02:00:00Z');
    state.openStep(2, 'task-decide', '2026-12-05');
    expect(state.refuseWithdrawal()).toBeUndefined();
    state.takeDecision(decision('task-decide'));
    expect(typeOf(state.refuseWithdrawal())).toBe(CASE_REFUSALS.alreadyDecided);
  });

  it('refuses decisions once the applicant has withdrawn', () => {
    const state = underReview();
    state.takeWithdrawal({ requestedBy: 'w1', reason: '不再需要' });
    expect(typeOf(state.refuseDecision(decision('task-review')))).toBe(CASE_REFUSALS.caseWithdrawn);
    expect(typeOf(state.refuseWithdrawal())).toBe(CASE_REFUSALS.alreadyDecided);
  });
});
