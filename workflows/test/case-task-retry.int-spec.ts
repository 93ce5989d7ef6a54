import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  localCaseActivitiesOf,
  TASK_QUEUES,
  type CaseMilestone,
  type CaseStatus,
  type DeadlineRequest,
} from '@oneseal/contracts';
import { engineEndpoints } from '@oneseal/testing';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type NativeConnection, Worker } from '@temporalio/worker';
import { caseHandlingWorkflow } from '../src';
import {
  caseInput,
  decide,
  ended,
  recordingActivities,
  within,
  workflowBundleFile,
  type Recording,
  type WorkflowBundleFile,
} from './support/case-harness';

/**
 * A milestone is announced by a local activity inside the workflow task that reaches it. When routing is killed -9
 * after the announcement and before the task is recorded (as `npm run chaos` does), another worker runs the task
 * again once it has timed out, and announces the milestone again: routing takes the second announcement for the first
 * only if it carries the same milestone id. A real kill of a real worker process, on a Temporal dev server of the
 * suite's own.
 */
describe('a workflow task run again after its worker was killed -9 (Temporal dev server)', () => {
  let env: TestWorkflowEnvironment;
  let address: string;
  let namespace: string;
  let bundle: WorkflowBundleFile | undefined;
  let codePath: string;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    // A dev server of the suite's own: its workers poll the case's fixed activity queues, which no other run's
    // workers (or workflows left by a stopped run) share.
    const cli = engineEndpoints().temporalCli;
    if (!cli)
      throw new Error(
        'TEMPORAL_CLI is not set: run through `npm test`, or export it from `bash deploy/local/engines.sh paths`',
      );
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: cli }, ip: '127.0.0.1' },
    });
    // Where the server listens (a port it chose), for the worker process the test kills.
    address = env.connection.options.address;
    namespace = env.namespace ?? 'default';
    nativeConnection = env.nativeConnection;
    client = env.client;
    bundle = await workflowBundleFile();
    codePath = bundle.codePath;
  }, 120_000);

  afterAll(async () => {
    await env?.teardown();
    await bundle?.remove();
  });

  /** The workers of the three services' activities (recorded), as the harness runs them. */
  const activityWorkers = (recording: Recording) =>
    Promise.all(
      (
        [
          [TASK_QUEUES.approvalActivities, recording.approval],
          [TASK_QUEUES.caseActivities, recording.cases],
          [TASK_QUEUES.sealActivities, recording.seal],
        ] as const
      ).map(([taskQueue, activities]) =>
        Worker.create({ connection: nativeConnection, namespace, taskQueue, activities }),
      ),
    );

  /**
   * The workflow worker in a process of its own, killed -9 once it has announced an acceptance. Its local activities
   * are the recording's, carried out here; what it announces is also kept in `announced`.
   */
  function killedWorker(taskQueue: string, recording: Recording, announced: CaseMilestone[]) {
    const child: ChildProcess = fork(
      join(__dirname, 'support/killed-case-worker.mjs'),
      [address, namespace, taskQueue, codePath],
      { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
    );
    // An answer sent as the child is killed fails to arrive, which is expected.
    child.on('error', () => undefined);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    const carryOut = async (activity: string, input: unknown): Promise<unknown> => {
      if (activity === 'computeDeadline') return recording.cases.computeDeadline(input as DeadlineRequest);
      if (activity !== 'announce') throw new Error(`no local activity ${activity}`);
      announced.push(input as CaseMilestone);
      return recording.cases.announce(input as CaseMilestone);
    };
    const running = new Promise<void>((resolve, reject) => {
      child.on(
        'message',
        (message: { running?: boolean; call?: number; activity?: string; input?: unknown }) => {
          if (message.running) resolve();
          if (message.call === undefined || !message.activity) return;
          carryOut(message.activity, message.input).then(
            (result) => child.connected && child.send({ answer: message.call, result }),
            (error: Error) => child.connected && child.send({ answer: message.call, error: error.message }),
          );
        },
      );
      void exited.then(() => reject(new Error('the workflow worker ended before it ran')));
    });
    return { running, exited, kill: () => child.kill('SIGKILL') };
  }

  it('announces the acceptance again under the same milestone id, which routing records once', async () => {
    const recording = recordingActivities();
    const input = caseInput();
    recording.own.add(input.caseId);
    const taskQueue = `case-task-retry-${randomUUID().slice(0, 8)}`;
    const activities = await activityWorkers(recording);
    const activitiesRunning = activities.map((worker) => worker.run());
    const announcedBeforeTheKill: CaseMilestone[] = [];
    const first = killedWorker(taskQueue, recording, announcedBeforeTheKill);
    let status: CaseStatus;
    try {
      await within('the first workflow worker to run', first.running);
      const handle = await client.workflow.start(caseHandlingWorkflow, {
        workflowId: input.caseId,
        taskQueue,
        args: [input],
        // How long the server waits for a task whose worker died before giving it to another.
        workflowTaskTimeout: '2 seconds',
      });
      const accepting = decide(handle, 'approve');
      expect(await within('the first workflow worker to be killed', first.exited)).toBe('SIGKILL');

      const second = await Worker.create({
        connection: nativeConnection,
        namespace,
        taskQueue,
        workflowBundle: { codePath },
        activities: localCaseActivitiesOf(recording.cases),
      });
      status = await second.runUntil(async () => {
        await accepting;
        for (const kind of ['审核', '决定', '送达'])
          expect((await decide(handle, 'approve')).kind).toBe(kind);
        return ended(handle);
      });
    } finally {
      first.kill();
      for (const worker of activities) worker.shutdown();
      await Promise.all(activitiesRunning);
    }

    expect(status.result).toBe('准予');
    const before = announcedBeforeTheKill.filter((milestone) => milestone.kind === 'accepted');
    const accepted = recording.milestones.filter((milestone) => milestone.kind === 'accepted');
    // The killed worker announced it, and the worker that ran the task again announced it once more, as the same.
    expect(before).toHaveLength(1);
    expect(accepted).toHaveLength(2);
    expect(accepted[1].milestoneId).toBe(before[0].milestoneId);
    expect(recording.kinds().filter((kind) => kind === 'concluded')).toHaveLength(1);
  });
});
