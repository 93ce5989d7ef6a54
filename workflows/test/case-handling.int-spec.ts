import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  TASK_QUEUES,
  type ApprovalActivities,
  type CaseActivities,
  type CaseMilestone,
  type CloseReviewTaskInput,
  type OpenReviewTaskInput,
  type SealActivities,
  type StampDecisionInput,
} from '@oneseal/contracts';
import { deriveRoute, WorkingDayCalendar, type RoutePlan } from '@oneseal/domain';
import { engineEndpoints, fetchWorkflowHistoryJson } from '@oneseal/testing';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  caseHandlingWorkflow,
  caseStatusQuery,
  decideStepUpdate,
  extendUpdate,
  supplyCorrectionUpdate,
  withdrawUpdate,
  type CaseHandlingInput,
  type StepDecision,
  type StepOutcome,
} from '../src';
import { cstDate } from '../src/case-handling/case-time';

const workflowsPath = require.resolve('../src');
const approvedHistoryPath = join(__dirname, 'histories/case-approved.v3.json');
const DAY = 86_400_000;

/** A town-handled matter (办理方式为空), routed exactly as deriveRoute routes it. */
const route: RoutePlan = deriveRoute(
  { code: 'ZZ-T-007', level: 'town', handlingMode: '' },
  { town: '140525100', countyUnitCode: '140525-mz' },
);

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The official calendar with a three-day holiday starting the day after `today`, so every deadline in these
 * tests crosses a holiday whatever day they run on (the official 2026 holidays are covered by the calendar's own
 * tests).
 */
function calendarWithHolidayAfter(today: string): WorkingDayCalendar {
  const holidays = [1, 2, 3].map((offset) => addDays(today, offset));
  let calendar = WorkingDayCalendar.official();
  for (const year of new Set(holidays.map((date) => Number(date.slice(0, 4))))) {
    calendar = calendar.withYear({
      year,
      holidays: holidays.filter((date) => date.startsWith(String(year))),
      makeUpWorkdays: [],
      source: 'test holiday',
    });
  }
  return calendar;
}

/** The activities of the three services as the workflow sees them, recording what it asked for. */
function recordingActivities(calendar: WorkingDayCalendar) {
  // Cases of earlier tests may still run on the shared test server: only this test's cases are recorded.
  const own = new Set<string>();
  const opened: OpenReviewTaskInput[] = [];
  const closed: CloseReviewTaskInput[] = [];
  const cancelled: string[] = [];
  const milestones: CaseMilestone[] = [];
  const stamps: StampDecisionInput[] = [];
  const approval: ApprovalActivities = {
    async openReviewTask(input) {
      if (own.has(input.caseId)) opened.push(input);
      return { created: true };
    },
    async closeReviewTask(input) {
      if (own.has(input.caseId)) closed.push(input);
    },
    async cancelReviewTask(input) {
      if (own.has(input.caseId)) cancelled.push(input.taskId);
    },
  };
  const cases: CaseActivities = {
    async computeDeadline({ startDate, workingDays, stops }) {
      const due = calendar.addWorkingDays(
        startDate,
        workingDays,
        stops.map((stop) => ({ ...stop, reason: 'stop' })),
      );
      if (due.kind !== 'due') throw new Error('open stop');
      return { dueDate: due.date, provisional: due.provisional };
    },
    async announce(milestone) {
      if (own.has(milestone.caseId)) milestones.push(milestone);
    },
  };
  const seal: SealActivities = {
    async stampDecision(input) {
      if (own.has(input.caseId)) stamps.push(input);
      return {
        documentId: randomUUID(),
        stampId: randomUUID(),
        sealId: 'seal-140525100',
        documentSm3: '0'.repeat(64),
        verificationCode: 'TEST-0001',
        stampedAt: new Date().toISOString(),
        created: true,
      };
    },
  };
  const kinds = () => milestones.map((milestone) => milestone.kind);
  return { own, approval, cases, seal, opened, closed, cancelled, milestones, stamps, kinds };
}

type Recording = ReturnType<typeof recordingActivities>;

function caseInput(overrides: Partial<CaseHandlingInput> = {}): CaseHandlingInput {
  const caseId = randomUUID();
  return {
    caseId,
    county: '140525',
    town: '140525100',
    matterCode: 'ZZ-T-007',
    matterName: '测试事项',
    matterVersion: 1,
    receiptNumber: '140525-20261123-000001',
    applicantName: '张三',
    correlationId: caseId,
    caseKind: '承诺件',
    committedLimitWorkingDays: 10,
    statutoryLimitWorkingDays: 20,
    deliveryMethod: 'pick-up',
    correctionWaitWorkingDays: 5,
    route,
    ...overrides,
  };
}

describe('case handling workflow (Temporal time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    const testServer = engineEndpoints().temporalTestServer;
    if (!testServer)
      throw new Error(
        'TEMPORAL_TEST_SERVER is not set: run through `npm test`, or export it from `bash deploy/local/engines.sh paths`',
      );
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServer } },
    });
    // One bundle for the suite; building it also proves the workflow code, @oneseal/contracts and the domain
    // types it uses bundle for the sandbox.
    bundle = await bundleWorkflowCode({ workflowsPath });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  const envToday = async () => cstDate(await env.currentTimeMs());

  async function withWorkers<T>(recording: Recording, work: () => Promise<T>): Promise<T> {
    const connection = env.nativeConnection;
    const workers = await Promise.all([
      Worker.create({ connection, taskQueue: TASK_QUEUES.caseWorkflows, workflowBundle: bundle }),
      Worker.create({
        connection,
        taskQueue: TASK_QUEUES.approvalActivities,
        activities: recording.approval,
      }),
      Worker.create({ connection, taskQueue: TASK_QUEUES.caseActivities, activities: recording.cases }),
      Worker.create({ connection, taskQueue: TASK_QUEUES.sealActivities, activities: recording.seal }),
    ]);
    let running: Promise<T> = work();
    for (const worker of workers) running = worker.runUntil(running);
    return running;
  }

  const start = (recording: Recording, input: CaseHandlingInput) => {
    recording.own.add(input.caseId);
    return env.client.workflow.start(caseHandlingWorkflow, {
      workflowId: input.caseId,
      taskQueue: TASK_QUEUES.caseWorkflows,
      args: [input],
    });
  };

  /**
   * Ends a test's case by cancelling it and waiting for the end: a terminated workflow on the time-skipping
   * test server leaves its timers holding back time skipping for the tests after it.
   */
  async function finish(handle: WorkflowHandle<typeof caseHandlingWorkflow>) {
    await handle.cancel();
    await handle.result().catch(() => undefined);
  }

  /** Waits until the workflow has opened the task of its current step, and returns it. */
  async function openTask(handle: WorkflowHandle<typeof caseHandlingWorkflow>) {
    for (;;) {
      const status = await handle.query(caseStatusQuery);
      if (status.stage === 'concluded') throw new Error('the case concluded');
      if (status.currentStep?.taskId) return status.currentStep;
    }
  }

  async function decide(
    handle: WorkflowHandle<typeof caseHandlingWorkflow>,
    outcome: StepOutcome,
    extra: Partial<StepDecision> = {},
  ) {
    const step = await openTask(handle);
    await handle.executeUpdate(decideStepUpdate, {
      args: [{ taskId: step.taskId ?? '', outcome, handlerId: 'clerk-1', opinion: '同意', ...extra }],
    });
    return step;
  }

  it('walks the route: accepts with a committed date, decides, stamps once, concludes and delivers', async () => {
    const recording = recordingActivities(WorkingDayCalendar.official());
    const input = caseInput();
    const result = await withWorkers(recording, async () => {
      const handle = await start(recording, input);
      for (const kind of ['受理', '审核', '决定', '送达']) {
        const step = await decide(handle, 'approve');
        expect(step.kind).toBe(kind);
      }
      const finished = await handle.result();
      // `RECORD_WORKFLOW_HISTORIES=1 npm test` refreshes the history the replay test below runs against.
      if (process.env.RECORD_WORKFLOW_HISTORIES === '1') {
        writeFileSync(
          approvedHistoryPath,
          fetchWorkflowHistoryJson({
            address: env.connection.options.address,
            namespace: env.namespace ?? 'default',
            workflowId: input.caseId,
          }),
        );
      }
      return finished;
    });
    expect(result.result).toBe('准予');
    expect(result.stage).toBe('concluded');
    expect(recording.opened.map((o) => `${o.stepIndex}.${o.visit} ${o.stepName}@${o.unitCode}`)).toEqual([
      '0.1 受理@140525100-window',
      '1.1 审核@140525100-review',
      '2.1 决定@140525100-approval',
      '4.1 送达@140525100-window',
    ]);
    expect(recording.stamps).toHaveLength(1);
    expect(recording.stamps[0]).toEqual(
      expect.objectContaining({
        caseId: input.caseId,
        town: '140525100',
        result: '准予',
        documentKind: 'decision',
      }),
    );
    expect(recording.kinds()).toEqual(['accepted', 'concluded', 'delivered']);
    const accepted = recording.milestones[0];
    expect(accepted).toEqual(
      expect.objectContaining({ kind: 'accepted', receiptNumber: input.receiptNumber }),
    );
    expect(result.committedDeadline?.dueDate).toBe(
      accepted.kind === 'accepted' ? accepted.committedDueDate : undefined,
    );
  });

  it('counts the committed limit in working days from the day after acceptance, across a holiday', async () => {
    const today = await envToday();
    const calendar = calendarWithHolidayAfter(today);
    const recording = recordingActivities(calendar);
    const status = await withWorkers(recording, async () => {
      const handle = await start(recording, caseInput());
      await decide(handle, 'approve');
      await openTask(handle);
      const current = await handle.query(caseStatusQuery);
      await finish(handle);
      return current;
    });
    const expected = calendar.addWorkingDays(status.acceptedOn ?? '', 10);
    const withoutHoliday = WorkingDayCalendar.official().addWorkingDays(status.acceptedOn ?? '', 10);
    expect(expected.kind === 'due' && status.committedDeadline?.dueDate).toBe(
      expected.kind === 'due' ? expected.date : 'unreachable',
    );
    // The holiday moved the date: a calendar that ignored it would have ended earlier.
    expect(
      (status.committedDeadline?.dueDate ?? '') > (withoutHoliday.kind === 'due' ? withoutHoliday.date : ''),
    ).toBe(true);
  });

  it('raises a yellow then a red warning for a late step and for the late case, once each', async () => {
    const today = await envToday();
    const calendar = calendarWithHolidayAfter(today);
    const recording = recordingActivities(calendar);
    const step = await withWorkers(recording, async () => {
      const handle = await start(
        recording,
        caseInput({ committedLimitWorkingDays: 3, statutoryLimitWorkingDays: 5 }),
      );
      await decide(handle, 'approve');
      const review = await openTask(handle);
      await env.sleep(30 * DAY);
      await handle.query(caseStatusQuery);
      await finish(handle);
      return review;
    });
    const warnings = recording.milestones.filter((m) => m.kind === 'warning');
    const describe = warnings.map((w) =>
      w.kind === 'warning' ? `${w.scope}:${w.severity}:${w.stepName ?? ''}` : '',
    );
    expect(describe.sort()).toEqual(
      ['case:red:', 'case:statutory:', 'case:yellow:', 'step:red:审核', 'step:yellow:审核'].sort(),
    );
    const stepRed = warnings.find((w) => w.kind === 'warning' && w.scope === 'step' && w.severity === 'red');
    const due = calendar.addWorkingDays(step.openedOn, 5);
    expect(recording.opened[1].dueDate).toBe(due.kind === 'due' ? due.date : undefined);
    expect(stepRed?.kind === 'warning' && stepRed.dueDate).toBe(recording.opened[1].dueDate);
  });

  it('补正 stops the clock: the committed date moves by exactly the working days the correction took', async () => {
    const calendar = WorkingDayCalendar.official();
    const recording = recordingActivities(calendar);
    const { before, after, status } = await withWorkers(recording, async () => {
      const handle = await start(recording, caseInput());
      await decide(handle, 'approve');
      await openTask(handle);
      const first = await handle.query(caseStatusQuery);
      await decide(handle, 'request-correction', {
        opinion: '缺户口簿',
        missingMaterials: ['户口簿复印件', '收入证明'],
      });
      await env.sleep(4 * DAY);
      await handle.executeUpdate(supplyCorrectionUpdate, {
        args: [{ handlerId: 'clerk-1', suppliedMaterials: ['户口簿复印件', '收入证明'] }],
      });
      const reopened = await openTask(handle);
      expect(reopened.kind).toBe('审核');
      expect(reopened.visit).toBe(2);
      const later = await handle.query(caseStatusQuery);
      await finish(handle);
      return { before: first, after: later, status: later };
    });
    const stop = status.clockStops[0];
    expect(stop.reason).toBe('补正');
    expect(stop.to).toBeDefined();
    const expected = calendar.addWorkingDays(before.acceptedOn ?? '', 10, [
      { from: stop.from, to: stop.to ?? '', reason: '补正' },
    ]);
    expect(after.committedDeadline?.dueDate).toBe(expected.kind === 'due' ? expected.date : undefined);
    const moved = calendar.workingDaysBetween(
      before.committedDeadline?.dueDate ?? '',
      after.committedDeadline?.dueDate ?? '',
    );
    // The working days inside the stop that the limit would have counted: the acceptance day never counts, so a
    // stop that begins on it moves the date by the days after it only.
    const dayBeforeStop = addDays(stop.from, -1);
    const acceptedOn = before.acceptedOn ?? '';
    const stopped = calendar.workingDaysBetween(
      dayBeforeStop > acceptedOn ? dayBeforeStop : acceptedOn,
      stop.to ?? '',
    );
    expect(moved.days).toBe(stopped.days);
    expect(recording.kinds()).toEqual(['accepted', 'correction-requested', 'correction-supplied']);
    const requested = recording.milestones[1];
    expect(requested.kind === 'correction-requested' && requested.missingMaterials).toEqual([
      '户口簿复印件',
      '收入证明',
    ]);
  });

  it('ends as 补正不来 when nothing is supplied in time, taking the task out of every inbox', async () => {
    const recording = recordingActivities(WorkingDayCalendar.official());
    const result = await withWorkers(recording, async () => {
      const handle = await start(recording, caseInput({ correctionWaitWorkingDays: 2 }));
      await decide(handle, 'approve');
      await decide(handle, 'request-correction', { opinion: '缺材料', missingMaterials: ['收入证明'] });
      return handle.result();
    });
    expect(result.result).toBe('补正不来');
    expect(recording.kinds()).toEqual(['accepted', 'correction-requested', 'concluded']);
    expect(recording.stamps).toHaveLength(0);
  });

  it('不予受理 at the window ends the case with the reason, before any clock starts', async () => {
    const recording = recordingActivities(WorkingDayCalendar.official());
    const result = await withWorkers(recording, async () => {
      const handle = await start(recording, caseInput());
      await decide(handle, 'reject', { opinion: '不属于本中心受理范围' });
      return handle.result();
    });
    expect(result.result).toBe('退回');
    expect(result.acceptedOn).toBeUndefined();
    expect(recording.kinds()).toEqual(['refused', 'concluded']);
    const refused = recording.milestones[0];
    expect(refused.kind === 'refused' && refused.reason).toBe('不属于本中心受理范围');
  });

  it('不予许可 after acceptance is stamped as a decision and delivered like an approval', async () => {
    const recording = recordingActivities(WorkingDayCalendar.official());
    const result = await withWorkers(recording, async () => {
      const handle = await start(recording, caseInput({ deliveryMethod: 'electronic' }));
      await decide(handle, 'approve');
      await decide(handle, 'reject', { opinion: '不符合条件' });
      return handle.result();
    });
    expect(result.result).toBe('不予许可');
    expect(recording.stamps.map((stamp) => stamp.result)).toEqual(['不予许可']);
    expect(recording.kinds()).toEqual(['accepted', 'concluded', 'delivered']);
  });

  it('a withdrawal before the decision ends the case as 撤件; after the decision it is refused', async () => {
    const recording = recordingActivities(WorkingDayCalendar.official());
    const result = await withWorkers(recording, async () => {
      const handle = await start(recording, caseInput());
      await decide(handle, 'approve');
      const open = await openTask(handle);
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ requestedBy: 'applicant', reason: '不再需要' }],
      });
      const finished = await handle.result();
      expect(recording.cancelled).toEqual([open.taskId]);
      return finished;
    });
    expect(result.result).toBe('撤件');

    const late = recordingActivities(WorkingDayCalendar.official());
    await withWorkers(late, async () => {
      const handle = await start(late, caseInput());
      await decide(handle, 'approve');
      await decide(handle, 'approve');
      await decide(handle, 'approve');
      await openTask(handle); // 送达
      await expect(
        handle.executeUpdate(withdrawUpdate, { args: [{ requestedBy: 'applicant', reason: '晚了' }] }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await finish(handle);
    });
  });

  it('an approved extension moves the committed date by the extra working days', async () => {
    const calendar = WorkingDayCalendar.official();
    const recording = recordingActivities(calendar);
    const status = await withWorkers(recording, async () => {
      const handle = await start(recording, caseInput());
      await decide(handle, 'approve');
      await openTask(handle);
      await handle.executeUpdate(extendUpdate, {
        args: [{ extraWorkingDays: 5, reason: '情况复杂', approvedBy: 'leader-1' }],
      });
      await expect(
        handle.executeUpdate(extendUpdate, {
          args: [{ extraWorkingDays: 30, reason: '再延', approvedBy: 'leader-1' }],
        }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      for (;;) {
        const current = await handle.query(caseStatusQuery);
        if (recording.kinds().includes('extended')) {
          await finish(handle);
          return current;
        }
      }
    });
    const expected = calendar.addWorkingDays(status.acceptedOn ?? '', 15);
    expect(status.committedDeadline?.dueDate).toBe(expected.kind === 'due' ? expected.date : undefined);
  });

  it('refuses a decision on a task that is not the open one, and a second decision on the same task', async () => {
    const recording = recordingActivities(WorkingDayCalendar.official());
    await withWorkers(recording, async () => {
      const handle = await start(recording, caseInput());
      const step = await openTask(handle);
      await expect(
        handle.executeUpdate(decideStepUpdate, {
          args: [{ taskId: randomUUID(), outcome: 'approve', handlerId: 'x', opinion: '—' }],
        }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await handle.executeUpdate(decideStepUpdate, {
        args: [{ taskId: step.taskId ?? '', outcome: 'approve', handlerId: 'x', opinion: '—' }],
      });
      await expect(
        handle.executeUpdate(decideStepUpdate, {
          args: [{ taskId: step.taskId ?? '', outcome: 'reject', handlerId: 'y', opinion: '—' }],
        }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      const next = await openTask(handle);
      expect(next.kind).toBe('审核');
      await finish(handle);
    });
  });

  it('replays the recorded history of an approved case without non-determinism', async () => {
    expect(existsSync(approvedHistoryPath)).toBe(true);
    const history = JSON.parse(readFileSync(approvedHistoryPath, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, 'case-approved'),
    ).resolves.toBeUndefined();
  });
});
