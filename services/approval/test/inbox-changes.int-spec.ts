import { randomUUID } from 'node:crypto';
import type { OpenReviewTaskInput } from '@oneseal/contracts';
import { eventually, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import type { Subscription } from 'rxjs';
import { APPROVAL_SCHEMA } from '../src/config/approval.env';
import { InboxChanges, inboxStream, type InboxStreamEvent } from '../src/tasks/inbox-changes';
import { createApprovalActivities } from '../src/activities/approval.activities';
import { ReviewTask } from '../src/tasks/review-task.entity';
import { TaskClaimsService } from '../src/tasks/task-claims.service';
import { TasksInScope } from '../src/tasks/tasks-in-scope';
import { NANCUN, neighbour, openTask, reviewer, supervisor, window } from './support/people-and-tasks';

const until = (what: () => boolean, timeoutMs = 5000) =>
  eventually('the condition to hold', async () => (what() ? true : undefined), { timeoutMs, intervalMs: 20 });

describe('the inbox changes each person hears of (real PostgreSQL, LISTEN/NOTIFY)', () => {
  let suite: SuiteDataSource;
  let changes: InboxChanges;
  const heard: Record<string, InboxStreamEvent[]> = {};
  const subscriptions: Subscription[] = [];

  const tasksOf = (who: string) =>
    heard[who].filter((event) => event.type === 'task').map((event) => event.data);

  const open = (where: Pick<OpenReviewTaskInput, 'town' | 'level' | 'unitCode' | 'stepName'>) =>
    openTask(suite.dataSource, { county: '140525', ...where });

  beforeAll(async () => {
    suite = await openSuiteDataSource('approval_inbox_changes', {
      schema: APPROVAL_SCHEMA,
      entities: [ReviewTask],
    });
    // As the service listens: with its own login role.
    changes = new InboxChanges((suite.dataSource.options as { url: string }).url);
    await changes.onModuleInit();
    for (const [who, user, view] of [
      ['window', window, 'mine'],
      ['reviewer', reviewer, 'mine'],
      ['neighbour', neighbour, 'mine'],
      ['supervisor', supervisor, 'unit'],
      ['supervisorMine', supervisor, 'mine'],
    ] as const) {
      heard[who] = [];
      const login = { user, expiresAt: Date.now() + 3_600_000, stillCurrent: async () => true };
      subscriptions.push(inboxStream(changes, login, view).subscribe((event) => heard[who].push(event)));
    }
  });

  afterAll(async () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
    await changes?.onModuleDestroy();
    await suite?.close();
  });

  it('says it is ready as soon as a stream opens', () => {
    for (const events of Object.values(heard)) expect(events[0]).toEqual({ type: 'ready', data: {} });
  });

  it('tells the window of a 受理 opened in its town, claimed and decided — and nobody else who cannot act', async () => {
    const task = await open({ ...NANCUN, level: 'town', unitCode: '140525100-window', stepName: '受理' });
    await until(() => tasksOf('window').length === 1 && tasksOf('supervisor').length === 1);
    expect(tasksOf('window')[0]).toEqual({
      taskId: task.taskId,
      caseId: task.caseId,
      stepName: '受理',
      status: 'open',
    });

    const tasks = new TasksInScope(suite.dataSource);
    await new TaskClaimsService(suite.dataSource, tasks).claim(window, task.taskId);
    await createApprovalActivities(suite.dataSource).closeReviewTask({
      taskId: task.taskId,
      caseId: task.caseId,
      correlationId: task.caseId,
      county: '140525',
      town: NANCUN.town,
      outcome: 'approve',
      handlerId: window.id,
      handlerName: window.name,
      opinion: '受理',
    });
    await until(() => tasksOf('window').length === 3);
    expect(tasksOf('window').map((change) => change.status)).toEqual(['open', 'open', 'done']);
    // The supervisor watches the county ('unit'); their own 我的待办 takes nothing.
    await until(() => tasksOf('supervisor').length === 3);
    expect(tasksOf('supervisorMine')).toEqual([]);
    expect(tasksOf('reviewer')).toEqual([]);
    expect(tasksOf('neighbour')).toEqual([]);
  });

  it('tells the window when an open task’s 到期日 moves (deadlines recounted after a 补正 or 特别程序)', async () => {
    const task = await open({ ...NANCUN, level: 'town', unitCode: '140525100-window', stepName: '受理' });
    await until(() => tasksOf('window').some((change) => change.taskId === task.taskId));
    const before = tasksOf('window').length;
    await createApprovalActivities(suite.dataSource).rescheduleReviewTask({
      taskId: task.taskId,
      caseId: task.caseId,
      correlationId: task.caseId,
      county: '140525',
      town: NANCUN.town,
      dueDate: '2026-12-31',
    });
    await until(() => tasksOf('window').length === before + 1);
    expect(tasksOf('window').at(-1)).toMatchObject({ taskId: task.taskId, status: 'open' });
  });

  it('says nothing of a task written already closed, or of one whose transaction was rolled back', async () => {
    const owner = await suite.owner();
    await owner.query(
      `INSERT INTO approval.review_tasks (id, case_id, county, town, step_index, visit, step_name, level, unit_code,
              status, opened_at, outcome, handler_id, decided_at)
       VALUES ($1, $2, '140525', '140525100', 0, 1, '受理', 'town', '140525100-window', 'done', now(), 'approve',
               'window-1', now())`,
      [randomUUID(), randomUUID()],
    );
    await expect(
      suite.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO approval.review_tasks (id, case_id, county, town, step_index, visit, step_name, level,
                  unit_code, status, opened_at)
           VALUES ($1, $2, '140525', '140525100', 0, 1, '受理', 'town', '140525100-window', 'open', now())`,
          [randomUUID(), randomUUID()],
        );
        throw new Error('the clerk gave up');
      }),
    ).rejects.toThrow('the clerk gave up');
    const before = tasksOf('window').length;
    // A later change arrives, so anything of the two above would have arrived before it.
    const later = await open({ ...NANCUN, level: 'town', unitCode: '140525100-review', stepName: '审核' });
    await until(() => tasksOf('reviewer').some((change) => change.taskId === later.taskId));
    expect(tasksOf('window')).toHaveLength(before);
  });

  it('tells everyone to look again once it listens again after losing its connection', async () => {
    // As PostgreSQL ends a connection when it restarts; the listener logs in as the service, who may end its own.
    const [ended] = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity, pg_terminate_backend(pid)
        WHERE datname = current_database() AND query = 'LISTEN approval_inbox'`,
    )) as { n: number }[];
    expect(ended.n).toBe(1);
    await until(() => heard.window.some((event) => event.type === 'look-again'), 15_000);
    const task = await open({ ...NANCUN, level: 'town', unitCode: '140525100-window', stepName: '受理' });
    await until(() => tasksOf('window').some((change) => change.taskId === task.taskId));
  });
});
