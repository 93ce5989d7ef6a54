import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  TASK_QUEUES,
  type ApprovalActivities,
  type CloseReviewTaskInput,
  type OpenReviewTaskInput,
} from '@oneseal/contracts';
import type { RoutePlan } from '@oneseal/domain';
import { engineEndpoints, fetchWorkflowHistoryJson } from '@oneseal/testing';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  caseHandlingWorkflow,
  caseStatusQuery,
  decideStepUpdate,
  type CaseHandlingInput,
  type StepOutcome,
} from '../src';

const workflowsPath = require.resolve('../src');
const approvedHistoryPath = join(__dirname, 'histories/case-approved.v2.json');

/** A town-handled route of three steps, as deriveRoute makes them. */
const route: RoutePlan = {
  matterCode: 'ZZ-T-007',
  rule: '办理方式为空：乡镇受理、审核、决定',
  steps: [
    {
      kind: '受理',
      level: 'town',
      unitCode: '140525100-window',
      budgetWorkingDays: 1,
      because: '综合窗口受理',
    },
    { kind: '审核', level: 'town', unitCode: '140525100-review', budgetWorkingDays: 5, because: '乡镇审核' },
    {
      kind: '决定',
      level: 'town',
      unitCode: '140525100-approval',
      budgetWorkingDays: 5,
      because: '乡镇决定',
    },
  ],
};

/** The approval activities as the workflow sees them, recording what it asked for. */
function recordingApprovalActivities() {
  const opened: OpenReviewTaskInput[] = [];
  const closed: CloseReviewTaskInput[] = [];
  const activities: ApprovalActivities = {
    async openReviewTask(input) {
      opened.push(input);
      return { created: true };
    },
    async closeReviewTask(input) {
      closed.push(input);
    },
  };
  return { activities, opened, closed };
}

function caseInput(): CaseHandlingInput {
  const caseId = randomUUID();
  return {
    caseId,
    county: '140525',
    town: '140525100',
    matterCode: 'ZZ-T-007',
    correlationId: caseId,
    route,
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

  async function withWorker<T>(activities: ApprovalActivities, work: () => Promise<T>): Promise<T> {
    const workflowWorker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUES.caseWorkflows,
      workflowBundle: bundle,
    });
    const activityWorker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUES.approvalActivities,
      activities,
    });
    return workflowWorker.runUntil(activityWorker.runUntil(work));
  }

  /** Waits until the workflow has opened the task of its current step, and returns it. */
  async function openTask(handle: WorkflowHandle<typeof caseHandlingWorkflow>) {
    for (;;) {
      const status = await handle.query(caseStatusQuery);
      if (status.stage === 'concluded') throw new Error('the case concluded');
      if (status.currentStep?.taskId) return status.currentStep;
    }
  }

  async function decide(handle: WorkflowHandle<typeof caseHandlingWorkflow>, outcome: StepOutcome) {
    const step = await openTask(handle);
    await handle.executeUpdate(decideStepUpdate, {
      args: [{ taskId: step.taskId ?? '', outcome, handlerId: 'clerk-1', opinion: '同意' }],
    });
    return step;
  }

  it('walks the route step by step and concludes approved after the last step', async () => {
    const { activities, opened, closed } = recordingApprovalActivities();
    const input = caseInput();
    const result = await withWorker(activities, async () => {
      const handle = await env.client.workflow.start(caseHandlingWorkflow, {
        workflowId: input.caseId,
        taskQueue: TASK_QUEUES.caseWorkflows,
        args: [input],
      });
      for (let i = 0; i < route.steps.length; i += 1) await decide(handle, 'approve');
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
    expect(result.result).toBe('approved');
    expect(result.history.map((h) => `${h.kind}:${h.outcome}`)).toEqual([
      '受理:approve',
      '审核:approve',
      '决定:approve',
    ]);
    expect(opened.map((o) => `${o.stepIndex}.${o.visit} ${o.stepName}@${o.unitCode}`)).toEqual([
      '0.1 受理@140525100-window',
      '1.1 审核@140525100-review',
      '2.1 决定@140525100-approval',
    ]);
    expect(closed.map((c) => c.outcome)).toEqual(['approve', 'approve', 'approve']);
  });

  it('a return re-opens the previous step; a rejection ends the case', async () => {
    const { activities, opened } = recordingApprovalActivities();
    const input = caseInput();
    const result = await withWorker(activities, async () => {
      const handle = await env.client.workflow.start(caseHandlingWorkflow, {
        workflowId: input.caseId,
        taskQueue: TASK_QUEUES.caseWorkflows,
        args: [input],
      });
      await decide(handle, 'approve');
      await decide(handle, 'return');
      await decide(handle, 'approve');
      await decide(handle, 'reject');
      return handle.result();
    });
    expect(opened.map((o) => `${o.stepName}#${o.visit}`)).toEqual(['受理#1', '审核#1', '受理#2', '审核#2']);
    expect(result.result).toBe('rejected');
    expect(result.stage).toBe('concluded');
  });

  it('refuses a decision on a task that is not the open one, and a second decision on the same task', async () => {
    const { activities } = recordingApprovalActivities();
    const input = caseInput();
    await withWorker(activities, async () => {
      const handle = await env.client.workflow.start(caseHandlingWorkflow, {
        workflowId: input.caseId,
        taskQueue: TASK_QUEUES.caseWorkflows,
        args: [input],
      });
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
      await handle.terminate('test over');
    });
  });

  it('replays the recorded history of an approved case without non-determinism', async () => {
    const history = JSON.parse(readFileSync(approvedHistoryPath, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, 'case-approved'),
    ).resolves.toBeUndefined();
  });
});
