import { deadlinesOn, eventually, fetchWorkflowHistoryJson } from '@oneseal/testing';
import {
  caseStatusQuery,
  decideStepUpdate,
  extendUpdate,
  recalculateDeadlinesSignal,
  resumeUpdate,
  retryStalledStepUpdate,
  supplyCorrectionUpdate,
  suspendUpdate,
  withdrawUpdate,
  type CaseHandlingInput,
  type CaseStatus,
} from '@oneseal/contracts';
import { deriveRoute, WorkingDayCalendar } from '@oneseal/domain';
import { CASE_PATHS, recordHistory, type CasePathName } from './support/case-paths';
import {
  BadData,
  CaseHarness,
  DAY,
  caseInput,
  decide,
  ended,
  failedInHistory,
  flagged,
  openTask,
  reached,
  recordingActivities,
  refusingNoticeAndHandOver,
  townRoute,
  type CaseHandle,
  type Recording,
} from './support/case-harness';

/** The calendar the recorded activities count on; a path may change it while the case runs. */
interface PathCalendar {
  current(): WorkingDayCalendar;
  change(next: WorkingDayCalendar): void;
}

interface PathRun {
  input?: Partial<CaseHandlingInput>;
  /** Changes what the recorded activities do (an activity refusing bad data once, say) before the case starts. */
  arrange?: (recording: Recording) => void;
  drive: (handle: CaseHandle, harness: CaseHarness, calendar: PathCalendar) => Promise<void>;
  expected: {
    result: CaseStatus['result'];
    milestones: string[];
    /** The documents issued, in order (a decision as decision:<result>). */
    documents: string[];
    opened: string[];
  };
}

/** The 受理 step's one-day budget runs out while nobody is at the window: its warnings come before the acceptance. */
const DEEMED_MILESTONES = ['warning', 'warning', 'accepted', 'concluded', 'delivered'];

/** The data the stalled paths' activities refuse until the operator puts it right (made afresh as each is arranged). */
let badNotice = new BadData();
let badHandOver = new BadData();

/** The operator on duty asks for the stalled step to run again. */
const retry = (handle: CaseHandle, note: string) =>
  handle.executeUpdate(retryStalledStepUpdate, {
    args: [{ handlerId: 'ops-1', handlerName: '运维值班', note }],
  });

/** 受理 decided and its 受理通知书 refused and flagged; then 审核 decided and its hand-over to 决定 refused behind it. */
async function stallTheNoticeThenTheHandOver(handle: CaseHandle): Promise<void> {
  await decide(handle, 'approve');
  await flagged(handle, 'issueDocument');
  await decide(handle, 'approve');
  await failedInHistory(handle, 'handOverReviewTask');
}

/** The conclusion's announcement, refused until it is put right. */
let badAnnouncement = new BadData();

/** 审核's deadline (its 5 working days), refused by the database once armed (as 受理 is decided) until put right. */
let badCount = Object.assign(new BadData(), { armed: false });

function refusingReviewCounts(recording: Recording, bad: typeof badCount): void {
  const count = recording.cases.computeDeadline;
  const refused = bad.refusing('computeDeadline', '22P02', count);
  const reviewBudget = townRoute.steps.find((step) => step.kind === '审核')?.budgetWorkingDays;
  recording.cases.computeDeadline = (request) =>
    bad.armed && request.workingDays === reviewBudget ? refused(request) : count(request);
}

const approveRest = async (handle: CaseHandle, steps: number) => {
  for (let step = 0; step < steps; step += 1) await decide(handle, 'approve');
};

/**
 * Every path a case can take through its workflow, walked to its end on the time-skipping server. The histories
 * these runs leave are what the replay test holds every later version of the workflow to: a workflow change that
 * running cases could not replay fails there. `RECORD_WORKFLOW_HISTORIES=1 npm test` re-records them, which is
 * only right together with a `patched()` guard for the cases still running on the old code.
 */
const RUNS: Record<CasePathName, PathRun> = {
  approved: {
    drive: (handle) => approveRest(handle, 4),
    expected: {
      result: '准予',
      milestones: ['accepted', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'special-procedure': {
    drive: async (handle, harness) => {
      await decide(handle, 'approve');
      await openTask(handle);
      await handle.executeUpdate(suspendUpdate, {
        args: [{ procedure: '公示', reason: '村内公示 7 天', handlerId: 'leader-1' }],
      });
      await harness.env.sleep(7 * DAY);
      await handle.executeUpdate(resumeUpdate, { args: [{ handlerId: 'leader-1' }] });
      await approveRest(handle, 3);
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'suspended', 'resumed', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'special-procedure-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  extension: {
    drive: async (handle) => {
      await decide(handle, 'approve');
      await openTask(handle);
      await handle.executeUpdate(extendUpdate, {
        args: [{ extraWorkingDays: 5, reason: '情况复杂', approvedBy: 'leader-1' }],
      });
      await approveRest(handle, 3);
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'extended', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'extension-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  withdrawal: {
    drive: async (handle) => {
      await decide(handle, 'approve');
      await openTask(handle);
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ requestedBy: 'clerk-1', reason: '申请人不再需要' }],
      });
    },
    expected: {
      result: '撤件',
      milestones: ['accepted', 'concluded'],
      documents: ['acceptance-notice'],
      opened: ['受理', '审核'],
    },
  },
  'refused-at-acceptance': {
    drive: async (handle) => {
      await decide(handle, 'reject', { opinion: '不属于本中心受理范围' });
    },
    expected: {
      result: '退回',
      milestones: ['refused', 'concluded'],
      documents: ['non-acceptance'],
      opened: ['受理'],
    },
  },
  'refused-after-acceptance': {
    input: { deliveryMethod: 'electronic' },
    drive: async (handle) => {
      await decide(handle, 'approve');
      // The reviewer recommends a refusal (拟不予); the decider decides it.
      await decide(handle, 'reject', { opinion: '家庭收入超过救助标准，拟不予救助' });
      await decide(handle, 'reject', { opinion: '不符合临时救助条件' });
    },
    expected: {
      result: '不予许可',
      milestones: ['accepted', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:不予许可', 'delivery-receipt'],
      opened: ['受理', '审核', '决定'],
    },
  },
  'returned-to-earlier-step': {
    drive: async (handle) => {
      await decide(handle, 'approve');
      await decide(handle, 'return', { opinion: '材料登记有误，退回受理' });
      await approveRest(handle, 4);
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '受理', '审核', '决定', '送达'],
    },
  },
  'correction-expired': {
    input: { correctionWaitWorkingDays: 2 },
    drive: async (handle) => {
      await decide(handle, 'request-correction', { opinion: '缺材料', missingMaterials: ['收入证明'] });
    },
    expected: {
      result: '补正不来',
      milestones: ['correction-requested', 'concluded'],
      documents: ['correction-notice'],
      opened: ['受理'],
    },
  },
  'late-with-warnings': {
    input: { committedLimitWorkingDays: 3, statutoryLimitWorkingDays: 5 },
    drive: async (handle, harness) => {
      await decide(handle, 'approve');
      await openTask(handle);
      await harness.env.sleep(30 * DAY);
      await approveRest(handle, 3);
    },
    expected: {
      result: '准予',
      milestones: [
        'accepted',
        'warning',
        'warning',
        'warning',
        'warning',
        'warning',
        'concluded',
        'delivered',
      ],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'withdrawn-during-correction': {
    drive: async (handle) => {
      await decide(handle, 'request-correction', { opinion: '缺收入证明', missingMaterials: ['收入证明'] });
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ requestedBy: 'clerk-1', reason: '申请人不再申请' }],
      });
    },
    expected: {
      result: '撤件',
      milestones: ['correction-requested', 'concluded'],
      documents: ['correction-notice'],
      opened: ['受理'],
    },
  },
  'correction-before-acceptance': {
    drive: async (handle) => {
      await decide(handle, 'request-correction', { opinion: '缺户口簿', missingMaterials: ['户口簿复印件'] });
      await reached(handle, 'awaiting-correction');
      await handle.executeUpdate(supplyCorrectionUpdate, {
        args: [{ handlerId: 'clerk-1', suppliedMaterials: ['户口簿复印件'] }],
      });
      await approveRest(handle, 4);
    },
    expected: {
      result: '准予',
      milestones: ['correction-requested', 'correction-supplied', 'accepted', 'concluded', 'delivered'],
      documents: ['correction-notice', 'acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '受理', '审核', '决定', '送达'],
    },
  },
  'withdrawn-while-moving-on': {
    // The withdrawal arrives while the workflow is still closing the decided task and opening the next one.
    drive: async (handle) => {
      await decide(handle, 'approve');
      const review = await openTask(handle);
      await handle.executeUpdate(decideStepUpdate, {
        args: [{ taskId: review.taskId ?? '', outcome: 'approve', handlerId: 'clerk-2', opinion: '同意' }],
      });
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ requestedBy: 'clerk-1', reason: '申请人撤回' }],
      });
    },
    expected: {
      result: '撤件',
      milestones: ['accepted', 'concluded'],
      documents: ['acceptance-notice'],
      opened: ['受理', '审核', '决定'],
    },
  },
  'deemed-accepted': {
    // Nobody at the window for ten days: accepted by law from receipt (art. 32), then decided as usual.
    drive: async (handle, harness) => {
      const reception = await openTask(handle);
      await harness.env.sleep(10 * DAY);
      // The deemed acceptance runs its activities after the skipped days: decide only once the case has moved past
      // 受理, or a busy machine hands the stale 受理 task to the first decision.
      await eventually('the case deemed accepted and at its next step', async () => {
        const status = await handle.query(caseStatusQuery);
        return status.acceptedOn &&
          status.currentStep?.taskId &&
          status.currentStep.taskId !== reception.taskId
          ? status
          : undefined;
      });
      await approveRest(handle, 3);
    },
    expected: {
      result: '准予',
      milestones: DEEMED_MILESTONES,
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'decided-by-bureau': {
    // 临时救助: the town accepts and reviews, 县民政局 decides (with an extension) and seals.
    input: {
      matterTypeCode: '05',
      route: deriveRoute(
        { code: 'ZZ-T-002', level: 'town', handlingMode: '乡级负责受理、审核' },
        { town: '140525100', countyUnitCode: '140525-mz' },
      ),
    },
    drive: async (handle) => {
      await decide(handle, 'approve');
      await openTask(handle);
      await handle.executeUpdate(extendUpdate, {
        args: [{ extraWorkingDays: 5, reason: '需入户核对', approvedBy: 'mz-1', approvedByName: '王建军' }],
      });
      await decide(handle, 'approve');
      await decide(handle, 'approve', { grant: { amount: '一次性 2000 元', form: '打入社会保障卡' } });
      await decide(handle, 'approve');
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'extended', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'extension-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'calendar-changed': {
    drive: async (handle, _harness, calendar) => {
      await decide(handle, 'approve');
      await openTask(handle);
      const { acceptedOn } = await handle.query(caseStatusQuery);
      const dayOff = calendar.current().addWorkingDays(acceptedOn ?? '', 1);
      calendar.change(
        calendar
          .current()
          .withCountyDays([
            { date: dayOff.kind === 'due' ? dayOff.date : '', working: false, reason: '停止办公' },
          ]),
      );
      await handle.signal(recalculateDeadlinesSignal, {
        description: '本县工作日调整',
        changedAt: new Date().toISOString(),
      });
      await approveRest(handle, 3);
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'rescheduled', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'stalled-and-fixed': {
    // The 受理通知书 refused on bad data while 审核 opens beside it; 审核's hand-over to 决定 refused as well, its stall
    // queued behind the notice's; each put right and retried by the operator on duty.
    arrange: (recording) => {
      badNotice = new BadData();
      badHandOver = new BadData();
      refusingNoticeAndHandOver(recording, badNotice, badHandOver, '23514');
    },
    drive: async (handle) => {
      await stallTheNoticeThenTheHandOver(handle);
      badNotice.putRight = true;
      await retry(handle, '已更正通知书数据');
      // The hand-over is tried again with the notice, and refused again: its data is not put right yet.
      await flagged(handle, 'handOverReviewTask');
      expect(badHandOver.refusals).toBe(2);
      badHandOver.putRight = true;
      await retry(handle, '已更正待办数据');
      await approveRest(handle, 2);
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'stalled', 'unstalled', 'stalled', 'unstalled', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'two-stalls-one-fix': {
    // One mistake in the data refuses both the 受理通知书 and, while the notice waits for its fix, 审核's hand-over to
    // 决定. The operator puts it right once and asks once: everything waiting for the fix runs again (v12).
    arrange: (recording) => {
      badNotice = new BadData();
      refusingNoticeAndHandOver(recording, badNotice, badNotice, '22021');
    },
    drive: async (handle) => {
      await stallTheNoticeThenTheHandOver(handle);
      badNotice.putRight = true;
      await retry(handle, '已更正申请人姓名中的非法字符');
      await approveRest(handle, 2);
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'stalled', 'unstalled', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'count-refused-once': {
    // 审核's deadline, counted ahead as 受理 is accepted, is refused on bad data once (put right by the time it is
    // taken): it is counted again as 审核 opens, and nobody is asked to put anything right (v13; before, the refusal
    // failed the case).
    arrange: (recording) => {
      badCount = Object.assign(new BadData(1), { armed: false });
      refusingReviewCounts(recording, badCount);
    },
    drive: async (handle) => {
      await openTask(handle);
      badCount.armed = true;
      await decide(handle, 'approve');
      const review = await openTask(handle);
      expect(review.kind).toBe('审核');
      expect(badCount.refusals).toBe(1);
      expect((await handle.query(caseStatusQuery)).attention).toBeUndefined();
      await approveRest(handle, 3);
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'count-refused-and-fixed': {
    // 审核's deadline is refused on bad data, counted ahead as 受理 is accepted and again as 审核 opens: the case is
    // flagged until the data is put right and the operator asks again (v13; before, such a refusal failed the case).
    arrange: (recording) => {
      badCount = Object.assign(new BadData(), { armed: false });
      refusingReviewCounts(recording, badCount);
    },
    drive: async (handle) => {
      await openTask(handle);
      badCount.armed = true;
      await decide(handle, 'approve');
      expect(await flagged(handle, 'computeDeadline')).toEqual(
        expect.objectContaining({ code: '22P02', activity: 'computeDeadline' }),
      );
      expect(badCount.refusals).toBe(2);
      badCount.putRight = true;
      await retry(handle, '已更正本县工作日数据');
      await approveRest(handle, 3);
    },
    expected: {
      result: '准予',
      milestones: ['stalled', 'unstalled', 'accepted', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
  'announcement-refused-and-fixed': {
    // The case's conclusion, announced by the routing worker that runs the case (a local activity), is refused on bad
    // data: the case is flagged until it is put right and the operator asks again (v13; before, it failed the case).
    arrange: (recording) => {
      badAnnouncement = new BadData();
      const announce = recording.cases.announce;
      const refused = badAnnouncement.refusing('announce', '23514', announce);
      recording.cases.announce = (milestone) =>
        milestone.kind === 'concluded' ? refused(milestone) : announce(milestone);
    },
    drive: async (handle) => {
      await approveRest(handle, 3);
      expect(await flagged(handle, 'announce')).toEqual(expect.objectContaining({ code: '23514' }));
      badAnnouncement.putRight = true;
      await retry(handle, '已更正办结信息');
      await approveRest(handle, 1);
    },
    expected: {
      result: '准予',
      milestones: ['accepted', 'stalled', 'unstalled', 'concluded', 'delivered'],
      documents: ['acceptance-notice', 'decision:准予', 'delivery-receipt'],
      opened: ['受理', '审核', '决定', '送达'],
    },
  },
};

describe('every path of a case, walked to its end (Temporal time-skipping test server)', () => {
  let harness: CaseHarness;

  beforeAll(async () => {
    harness = await CaseHarness.create();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  const record = (name: CasePathName, workflowId: string) =>
    recordHistory(name, () =>
      fetchWorkflowHistoryJson({
        address: harness.env.connection.options.address,
        namespace: harness.env.namespace ?? 'default',
        workflowId,
      }),
    );

  it.each(CASE_PATHS)('%s', async (name) => {
    const run = RUNS[name];
    const recording: Recording = recordingActivities();
    let calendar = WorkingDayCalendar.official();
    recording.cases.computeDeadline = (request) => deadlinesOn(calendar)(request);
    const pathCalendar: PathCalendar = { current: () => calendar, change: (next) => (calendar = next) };
    run.arrange?.(recording);
    const input = caseInput(run.input);
    const status = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, input);
      await run.drive(handle, harness, pathCalendar);
      return ended(handle);
    });
    record(name, input.caseId);
    expect(status.stage).toBe('concluded');
    expect(status.result).toBe(run.expected.result);
    expect(recording.kinds()).toEqual(run.expected.milestones);
    expect(
      recording.issued.map(({ content }) =>
        content.kind === 'decision' ? `decision:${content.result}` : content.kind,
      ),
    ).toEqual(run.expected.documents);
    // Cases started with this version never use the town-only stamping of earlier versions.
    expect(recording.stamps).toEqual([]);
    expect(recording.opened.map((task) => task.stepName)).toEqual(run.expected.opened);
  });
});
