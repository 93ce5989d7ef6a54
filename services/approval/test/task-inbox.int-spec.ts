import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@oneseal/auth';
import type { OpenReviewTaskInput } from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { APPROVAL_SCHEMA } from '../src/config/approval.env';
import { createApprovalActivities } from '../src/activities/approval.activities';
import { ReviewTask } from '../src/tasks/review-task.entity';
import { taskToActOn, TaskClaimsService } from '../src/tasks/task-claims.service';
import { TasksInScope, type InboxFilter } from '../src/tasks/tasks-in-scope';
import {
  agent,
  civilAffairs,
  neighbour,
  openTask,
  reviewer,
  secondWindow,
  supervisor,
  window,
} from './support/people-and-tasks';

describe('inboxes, claims and who may act (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let tasks: TasksInScope;
  let claims: TaskClaimsService;
  const opened: Record<string, OpenReviewTaskInput> = {};

  const inbox = async (user: AuthUser, filter: Partial<InboxFilter> = {}) =>
    (await tasks.inbox(user, { view: 'mine', status: 'open', page: 1, pageSize: 50, ...filter })).items
      .map((task) => `${task.stepName}@${task.unitCode}`)
      .sort();

  async function open(
    label: string,
    where: Pick<OpenReviewTaskInput, 'county' | 'town' | 'level' | 'unitCode' | 'stepName'>,
  ) {
    opened[label] = await openTask(suite.dataSource, where);
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('approval_inbox', { schema: APPROVAL_SCHEMA, entities: [ReviewTask] });
    tasks = new TasksInScope(suite.dataSource);
    claims = new TaskClaimsService(suite.dataSource, tasks);
    const nancun = { county: '140525', town: '140525100' };
    await open('village', {
      ...nancun,
      level: 'village',
      unitCode: '140525100201-station',
      stepName: '代办',
    });
    await open('otherVillage', {
      ...nancun,
      level: 'village',
      unitCode: '140525100202-station',
      stepName: '代办',
    });
    await open('acceptance', { ...nancun, level: 'town', unitCode: '140525100-window', stepName: '受理' });
    await open('review', { ...nancun, level: 'town', unitCode: '140525100-review', stepName: '审核' });
    await open('neighbour', {
      county: '140525',
      town: '140525101',
      level: 'town',
      unitCode: '140525101-window',
      stepName: '受理',
    });
    await open('mz', { ...nancun, level: 'county', unitCode: '140525-mz', stepName: '决定' });
    await open('rs', { ...nancun, level: 'county', unitCode: '140525-rs', stepName: '决定' });
    await open('otherCounty', {
      county: '140521',
      town: '140521100',
      level: 'county',
      unitCode: '140521-mz',
      stepName: '决定',
    });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('shows each person the tasks their role takes in their own village, town or bureau', async () => {
    expect(await inbox(agent)).toEqual(['代办@140525100201-station']);
    expect(await inbox(window)).toEqual(['受理@140525100-window']);
    expect(await inbox(reviewer)).toEqual(['审核@140525100-review']);
    expect(await inbox(neighbour)).toEqual(['受理@140525101-window']);
    expect(await inbox(civilAffairs)).toEqual(['决定@140525-mz']);
    // The town's view shows the window every task of its town, and only of its town.
    expect(await inbox(window, { view: 'unit' })).toEqual(['受理@140525100-window', '审核@140525100-review']);
  });

  it('counts the whole list on every page, past its end too', async () => {
    const page = (n: number) => tasks.inbox(window, { view: 'unit', status: 'open', page: n, pageSize: 1 });
    for (const [n, shown] of [
      [1, 1],
      [2, 1],
      [3, 0],
    ]) {
      const read = await page(n);
      expect({ n, total: read.total, shown: read.items.length }).toEqual({ n, total: 2, shown });
    }
    const none = await tasks.inbox(window, {
      view: 'unit',
      status: 'open',
      q: '无此人',
      page: 1,
      pageSize: 20,
    });
    expect(none).toEqual({ total: 0, items: [] });
  });

  it('lets a supervisor see the whole county, act on nothing, and see nothing of another county', async () => {
    expect(await inbox(supervisor)).toEqual([]);
    const county = await inbox(supervisor, { view: 'unit' });
    expect(county).toHaveLength(7);
    expect(county).not.toContain('决定@140521-mz');
    await expect(taskToActOn(tasks, supervisor, opened.mz.taskId)).rejects.toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
    });
  });

  it('hides a case from a person outside its scope, and says so when they name its task', async () => {
    expect(await tasks.ofCase(neighbour, opened.acceptance.caseId)).toEqual([]);
    expect(await tasks.ofCase(window, opened.acceptance.caseId)).toEqual([
      expect.objectContaining({ id: opened.acceptance.taskId, canAct: true }),
    ]);
    await expect(tasks.visible(neighbour, opened.acceptance.taskId)).rejects.toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
      httpStatus: 403,
    });
    await expect(tasks.visible(window, randomUUID())).rejects.toMatchObject({
      code: 'APPROVAL.TASK_NOT_FOUND',
      httpStatus: 404,
    });
    // A reviewer sees the window's task but may not take it.
    await expect(taskToActOn(tasks, reviewer, opened.acceptance.taskId)).rejects.toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
    });
  });

  it('gives a task to exactly one of two clerks claiming it at once, and tells the other who has it', async () => {
    const { taskId } = opened.acceptance;
    const results = await Promise.allSettled([
      claims.claim(window, taskId),
      claims.claim(secondWindow, taskId),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0].value.claimedBy === window.id ? window : secondWindow;
    const loser = winner === window ? secondWindow : window;
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'APPROVAL.TASK_CLAIMED_BY_OTHER',
      message: `该待办已由${winner.name}签收办理，请刷新待办列表`,
      details: expect.objectContaining({ claimedBy: winner.name }),
    });
    // A decision takes the task the same way first, so the other clerk cannot decide it either.
    await expect(claims.hold(loser, taskId)).rejects.toMatchObject({
      code: 'APPROVAL.TASK_CLAIMED_BY_OTHER',
    });
    expect((await tasks.ofCase(loser, opened.acceptance.caseId))[0]).toEqual(
      expect.objectContaining({ claimedByMe: false, canAct: false }),
    );
    // The other clerk can neither decide it nor release it while it is claimed...
    await expect(taskToActOn(tasks, loser, taskId)).rejects.toMatchObject({
      code: 'APPROVAL.TASK_CLAIMED_BY_OTHER',
    });
    await expect(claims.release(loser, taskId)).rejects.toMatchObject({
      code: 'APPROVAL.TASK_NOT_CLAIMED_BY_YOU',
    });
    // ...and takes it once the first one releases it.
    expect(await claims.release(winner, taskId)).toEqual(expect.objectContaining({ claimedBy: null }));
    expect(await claims.claim(loser, taskId)).toEqual(
      expect.objectContaining({ claimedBy: loser.id, claimedByName: loser.name, claimedByMe: true }),
    );
  });

  it('records the decision with the handler’s name and clears the claim', async () => {
    const task = opened.review;
    await claims.claim(reviewer, task.taskId);
    await createApprovalActivities(suite.dataSource).closeReviewTask({
      ...task,
      outcome: 'approve',
      handlerId: reviewer.id,
      handlerName: reviewer.name,
      opinion: '同意',
    });
    const [decided] = await tasks.ofCase(reviewer, task.caseId);
    expect(decided).toEqual(
      expect.objectContaining({
        status: 'done',
        handlerId: reviewer.id,
        handlerName: '审核员',
        claimedBy: null,
        claimedByName: null,
      }),
    );
    expect(await inbox(reviewer, { status: 'done' })).toEqual(['审核@140525100-review']);
    await expect(claims.claim(reviewer, task.taskId)).rejects.toMatchObject({
      code: 'APPROVAL.TASK_ALREADY_DECIDED',
    });
  });

  it('tells a clerk claiming a task of a withdrawn case that the case is over, and leaves no name on it', async () => {
    const task = opened.otherVillage;
    const otherAgent = { ...agent, id: 'agent-202', village: '140525100202' };
    await claims.claim(otherAgent, task.taskId);
    await createApprovalActivities(suite.dataSource).cancelReviewTask({ ...task, reason: '撤件' });
    await expect(claims.claim(otherAgent, task.taskId)).rejects.toMatchObject({
      code: 'APPROVAL.TASK_CANCELLED',
    });
    expect((await tasks.ofCase(otherAgent, task.caseId))[0]).toEqual(
      expect.objectContaining({ status: 'cancelled', claimedBy: null, claimedByName: null, canAct: false }),
    );
  });
});
