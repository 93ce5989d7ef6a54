import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApprovalActivities, OpenReviewTaskInput } from '@oneseal/contracts';
import { TASK_QUEUES } from '@oneseal/contracts';
import { engineEndpoints, fetchWorkflowHistoryJson } from '@oneseal/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  acceptanceDecidedSignal,
  caseHandlingWorkflow,
  caseStatusQuery,
  type CaseHandlingInput,
} from '../src';

const workflowsPath = require.resolve('../src');
const acceptedHistoryPath = join(__dirname, 'histories/case-accepted.v1.json');

/** The approval activities as the workflow sees them, recording what it asked for. */
function recordingApprovalActivities() {
  const opened: OpenReviewTaskInput[] = [];
  const activities: ApprovalActivities = {
    async openReviewTask(input) {
      opened.push(input);
      return { taskId: randomUUID(), created: true };
    },
  };
  return { activities, opened };
}

function caseInput(): CaseHandlingInput {
  const caseId = randomUUID();
  return { caseId, county: '140525', town: '140525100', matterCode: 'ZZ-T-002', correlationId: caseId };
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
    // One bundle for the suite; building it also proves the workflow code and @oneseal/contracts bundle for the sandbox.
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

  it('opens the town window acceptance task, then ends accepted when the window accepts', async () => {
    const { activities, opened } = recordingApprovalActivities();
    const input = caseInput();
    const result = await withWorker(activities, async () => {
      const handle = await env.client.workflow.start(caseHandlingWorkflow, {
        workflowId: input.caseId,
        taskQueue: TASK_QUEUES.caseWorkflows,
        args: [input],
      });
      let status = await handle.query(caseStatusQuery);
      while (status.stage === 'opening-acceptance') status = await handle.query(caseStatusQuery);
      expect(status.stage).toBe('awaiting-acceptance');
      await handle.signal(acceptanceDecidedSignal, {
        taskId: status.acceptanceTaskId ?? '',
        outcome: 'accept',
        handlerId: 'window-clerk-1',
        opinion: '材料齐全，予以受理',
      });
      const finished = await handle.result();
      // `RECORD_WORKFLOW_HISTORIES=1 npm test` refreshes the history the replay test below runs against.
      if (process.env.RECORD_WORKFLOW_HISTORIES === '1') {
        writeFileSync(
          acceptedHistoryPath,
          fetchWorkflowHistoryJson({
            address: env.connection.options.address,
            namespace: env.namespace ?? 'default',
            workflowId: input.caseId,
          }),
        );
      }
      return finished;
    });
    expect(result.stage).toBe('accepted');
    expect(opened).toEqual([
      expect.objectContaining({
        caseId: input.caseId,
        stepName: '受理',
        level: 'town',
        town: '140525100',
        unitCode: '140525100-window',
      }),
    ]);
  });

  it('ignores a decision for a task that is not the open one', async () => {
    const { activities } = recordingApprovalActivities();
    const input = caseInput();
    const stage = await withWorker(activities, async () => {
      const handle = await env.client.workflow.start(caseHandlingWorkflow, {
        workflowId: input.caseId,
        taskQueue: TASK_QUEUES.caseWorkflows,
        args: [input],
      });
      let status = await handle.query(caseStatusQuery);
      while (status.stage === 'opening-acceptance') status = await handle.query(caseStatusQuery);
      await handle.signal(acceptanceDecidedSignal, {
        taskId: randomUUID(),
        outcome: 'refuse',
        handlerId: 'x',
        opinion: '—',
      });
      const after = await handle.query(caseStatusQuery);
      await handle.terminate('test over');
      return after.stage;
    });
    expect(stage).toBe('awaiting-acceptance');
  });

  it('replays the recorded history of an accepted case without non-determinism', async () => {
    const history = JSON.parse(readFileSync(acceptedHistoryPath, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, 'case-accepted'),
    ).resolves.toBeUndefined();
  });
});
