import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BAD_DATA_FAILURE,
  TASK_QUEUES,
  caseStatusQuery,
  decideStepUpdate,
  type ApprovalActivities,
  type CaseHandlingInput,
  type CaseStatus,
  type CaseActivities,
  type CaseMilestone,
  type CloseReviewTaskInput,
  type OpenReviewTaskInput,
  type RescheduleReviewTaskInput,
  type RoutePlan,
  type SealActivities,
  type StampDecisionInput,
  type IssueDocumentInput,
  type StepDecision,
  type StepOutcome,
  localCaseActivitiesOf,
} from '@oneseal/contracts';
import { deriveRoute, WorkingDayCalendar } from '@oneseal/domain';
import { activityFailuresIn, deadlinesOn, engineEndpoints, eventually } from '@oneseal/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { caseHandlingWorkflow } from '../../src';

export const workflowsPath = require.resolve('../../src');

/** The workflow code bundled into a file, for a worker in a process of its own; `remove` deletes the file. */
export interface WorkflowBundleFile {
  codePath: string;
  remove: () => Promise<void>;
}

export async function workflowBundleFile(): Promise<WorkflowBundleFile> {
  const dir = await mkdtemp(join(tmpdir(), 'workflow-bundle-'));
  const codePath = join(dir, 'workflows.js');
  await writeFile(codePath, (await bundleWorkflowCode({ workflowsPath })).code);
  return { codePath, remove: () => rm(dir, { recursive: true, force: true }) };
}

export const DAY = 86_400_000;

export type CaseHandle = WorkflowHandle<typeof caseHandlingWorkflow>;

/** A town-handled matter (办理方式为空), routed exactly as deriveRoute routes it. */
export const townRoute: RoutePlan = deriveRoute(
  { code: 'ZZ-T-007', level: 'town', handlingMode: '' },
  { town: '140525100', countyUnitCode: '140525-mz' },
);

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The activities of the three services as the workflow sees them, recording what it asked for. */
export function recordingActivities(calendar: WorkingDayCalendar = WorkingDayCalendar.official()) {
  // Cases of earlier tests may still run on the shared test server: only this test's cases are recorded.
  const own = new Set<string>();
  const opened: OpenReviewTaskInput[] = [];
  const closed: CloseReviewTaskInput[] = [];
  /** The tasks opened by the activity that closed the task before them (handOverReviewTask). */
  const handedOver: string[] = [];
  const cancelled: string[] = [];
  const rescheduled: RescheduleReviewTaskInput[] = [];
  const milestones: CaseMilestone[] = [];
  const stamps: StampDecisionInput[] = [];
  const issued: IssueDocumentInput[] = [];
  const approval: ApprovalActivities = {
    async openReviewTask(input) {
      if (own.has(input.caseId)) opened.push(input);
      return { created: true };
    },
    async closeReviewTask(input) {
      if (own.has(input.caseId)) closed.push(input);
    },
    async handOverReviewTask({ close, open }) {
      if (own.has(open.caseId)) {
        closed.push(close);
        opened.push(open);
        handedOver.push(open.taskId);
      }
      return { created: true };
    },
    async cancelReviewTask(input) {
      if (own.has(input.caseId)) cancelled.push(input.taskId);
    },
    async rescheduleReviewTask(input) {
      if (own.has(input.caseId)) rescheduled.push(input);
    },
  };
  const cases: CaseActivities = {
    computeDeadline: deadlinesOn(calendar),
    async announce(milestone) {
      if (own.has(milestone.caseId)) milestones.push(milestone);
    },
  };
  /** The documents issued together with the decision before them (issueDecisionWithReceipt), by kind. */
  const issuedWithDecision: string[] = [];
  const issueDocument: SealActivities['issueDocument'] = async (input) => {
    if (own.has(input.caseId)) issued.push(input);
    return {
      documentId: randomUUID(),
      stampId: randomUUID(),
      sealId: input.issuer.level === 'town' ? 'seal-140525100' : `seal-${input.issuer.unitCode}`,
      documentSm3: '0'.repeat(64),
      verificationCode: 'TEST-0002',
      stampedAt: new Date().toISOString(),
      created: true,
      kind: input.content.kind,
      title: input.content.kind,
      number: `测〔2026〕${issued.length}号`,
      issuerName: input.issuer.level === 'town' ? '泽州县南村镇人民政府' : input.issuer.unitCode,
      fileName: `${input.receiptNumber}-${input.content.kind}.pdf`,
    };
  };
  const seal: SealActivities = {
    issueDocument,
    async issueDecisionWithReceipt({ decision, receipt }) {
      const issuedDecision = await issueDocument(decision);
      if (own.has(receipt.caseId)) issuedWithDecision.push(receipt.content.kind);
      const content = { ...receipt.content, deliveredDocumentId: issuedDecision.documentId };
      return { decision: issuedDecision, receipt: await issueDocument({ ...receipt, content }) };
    },
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
  return {
    own,
    approval,
    cases,
    seal,
    opened,
    closed,
    handedOver,
    cancelled,
    rescheduled,
    milestones,
    stamps,
    issued,
    issuedWithDecision,
    kinds,
  };
}

export type Recording = ReturnType<typeof recordingActivities>;

export function caseInput(overrides: Partial<CaseHandlingInput> = {}): CaseHandlingInput {
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
    route: townRoute,
    ...overrides,
  };
}

/**
 * The time-skipping test server with one bundle of the workflow code, and workers for the workflow and the three
 * services' activities (recorded, not real: these tests are about the workflow's own decisions).
 */
export class CaseHarness {
  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly bundle: WorkflowBundleWithSourceMap,
  ) {}

  static async create(): Promise<CaseHarness> {
    const testServer = engineEndpoints().temporalTestServer;
    if (!testServer)
      throw new Error(
        'TEMPORAL_TEST_SERVER is not set: run through `npm test`, or export it from `bash deploy/local/engines.sh paths`',
      );
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServer } },
    });
    // One bundle for the suite; building it also proves the workflow code and what it imports bundle for the sandbox.
    return new CaseHarness(env, await bundleWorkflowCode({ workflowsPath }));
  }

  async teardown(): Promise<void> {
    await this.env.teardown();
  }

  async withWorkers<T>(recording: Recording, work: () => Promise<T>): Promise<T> {
    const connection = this.env.nativeConnection;
    const workers = await Promise.all([
      Worker.create({
        connection,
        taskQueue: TASK_QUEUES.caseWorkflows,
        workflowBundle: this.bundle,
        // The calendar and the announcements run as local activities on the workflow's worker, as routing runs them.
        activities: localCaseActivitiesOf(recording.cases),
      }),
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

  start(recording: Recording, input: CaseHandlingInput): Promise<CaseHandle> {
    recording.own.add(input.caseId);
    return this.env.client.workflow.start(caseHandlingWorkflow, {
      workflowId: input.caseId,
      taskQueue: TASK_QUEUES.caseWorkflows,
      args: [input],
    });
  }

  /**
   * Ends a test's case by cancelling it and waiting for the end: a terminated workflow on the time-skipping
   * test server leaves its timers holding back time skipping for the tests after it.
   */
  async finish(handle: CaseHandle): Promise<void> {
    await handle.cancel();
    await within(
      'the cancelled case to end',
      handle.result().catch(() => undefined),
    );
  }
}

/** A promise that fails with `description` when it has not settled within `ms` (real time, not skipped time). */
export async function within<T>(description: string, promise: Promise<T>, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${description}`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The case's end, within a deadline. */
export const ended = (handle: CaseHandle) => within('the case to end', handle.result());

/** Waits (with a deadline) until the workflow has opened the task of its current step, and returns it. */
export async function openTask(handle: CaseHandle) {
  return eventually('the open task of the current step', async () => {
    const status = await handle.query(caseStatusQuery);
    if (status.stage === 'concluded') throw new Error(`the case concluded as ${status.result}`);
    return status.currentStep?.taskId ? status.currentStep : undefined;
  });
}

/** Waits (with a deadline) until the case has reached a stage, and returns its status then. */
export async function reached(handle: CaseHandle, stage: CaseStatus['stage']) {
  return eventually(`the case to be ${stage}`, async () => {
    const status = await handle.query(caseStatusQuery);
    return status.stage === stage ? status : undefined;
  });
}

/** Waits until the case is flagged for attention on the activity named, and returns the flag. */
export const flagged = (handle: CaseHandle, activity: string) =>
  eventually(`${activity} flagged`, async () => {
    const { attention } = await handle.query(caseStatusQuery);
    return attention?.activity === activity ? attention : undefined;
  });

/** Who takes a step in these tests: one person per step, as 审批分离 requires of review and decision. */
export const handlerOfStep = (kind: string) => `clerk-${kind}`;

/** What a 送达 records, as the window fills it in. */
export const HANDED_OVER = { method: 'pick-up', recipient: '王五', deliveredOn: '2026-12-10' } as const;

/** Decides the open task of the current step and returns the step it was. */
export async function decide(handle: CaseHandle, outcome: StepOutcome, extra: Partial<StepDecision> = {}) {
  const step = await openTask(handle);
  const delivery = step.kind === '送达' ? { delivery: HANDED_OVER } : {};
  await handle.executeUpdate(decideStepUpdate, {
    args: [
      {
        taskId: step.taskId ?? '',
        outcome,
        handlerId: handlerOfStep(step.kind),
        opinion: '同意',
        ...delivery,
        ...extra,
      },
    ],
  });
  return step;
}

/** The ApplicationFailure type an update was refused with (the workflow validator's refusal), or a failure. */
export async function refusalOf(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    const cause = (error as { cause?: { type?: string } }).cause;
    if (cause?.type) return cause.type;
    throw error;
  }
  throw new Error('the update was accepted, expected a refusal');
}

/** What an activity throws when the database refuses its data: non-retryable, the case stalls (stalled-steps.ts). */
export const badDataFailure = (activity: string, code: string) =>
  ApplicationFailure.create({
    type: BAD_DATA_FAILURE,
    nonRetryable: true,
    message: `${activity}: the database refused the data (${code})`,
    details: [{ code }],
  });

/**
 * Data the database refuses until someone puts it right: the activities given to `refusing` fail on bad data, each
 * call, until `putRight` is set (or, given `putRightAfter`, once that many calls were refused); `refusals` counts the
 * calls refused.
 */
export class BadData {
  putRight = false;
  refusals = 0;

  constructor(private readonly putRightAfter = Number.POSITIVE_INFINITY) {}

  refusing<T extends (...args: never[]) => Promise<unknown>>(activity: string, code: string, call: T): T {
    return (async (...args: Parameters<T>) => {
      if (this.putRight || this.refusals >= this.putRightAfter) return call(...args);
      this.refusals += 1;
      throw badDataFailure(activity, code);
    }) as T;
  }
}

/**
 * The 受理通知书 refused (22021) while `notice` is not put right, and 审核's hand-over to 决定 refused (with
 * `handOverCode`) while `handOver` is not: the stalls a busy case can have side by side.
 */
export function refusingNoticeAndHandOver(
  recording: Recording,
  notice: BadData,
  handOver: BadData,
  handOverCode: string,
): void {
  const issueDocument = recording.seal.issueDocument;
  const refuseNotice = notice.refusing('issueDocument', '22021', issueDocument);
  recording.seal.issueDocument = (input) =>
    input.content.kind === 'acceptance-notice' ? refuseNotice(input) : issueDocument(input);
  const handOverTask = recording.approval.handOverReviewTask;
  const refuseHandOver = handOver.refusing('handOverReviewTask', handOverCode, handOverTask);
  recording.approval.handOverReviewTask = (input) =>
    input.open.stepName === '决定' ? refuseHandOver(input) : handOverTask(input);
}

/**
 * Waits until the case's history records the activity failed `times` times: what the workflow acts on next, where
 * the recording activity's refusal is only its worker's side.
 */
export function failedInHistory(handle: CaseHandle, activity: string, times = 1) {
  return eventually(`${activity} failed ${times} time(s) in the case's history`, async () =>
    activityFailuresIn((await handle.fetchHistory()).events ?? [], activity) >= times ? true : undefined,
  );
}

/** Refuses the first call of an activity on bad data, then does what it did before. */
export const refusingOnce = <T extends (...args: never[]) => Promise<unknown>>(
  activity: string,
  code: string,
  call: T,
) => new BadData(1).refusing(activity, code, call);
