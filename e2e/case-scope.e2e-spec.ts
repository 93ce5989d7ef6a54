import { applicantFields, eventually } from '@oneseal/testing';
import { caseAction, decide, fileCase, inboxOf, openTask, tasksOf, watcher, type Refusal } from './case-api';
import { as, getJson, serviceUrl } from './system';

// 婚姻生育情况证明, a town-only matter, filed at 南村镇 (140525100). 140525101 is the neighbouring town.
const TOWN_MATTER = { matterCode: 'ZZ-T-007', channel: 'town-window' };
const approval = serviceUrl('approval');

const window = as('zz-town-window');
const reviewer = as('zz-town-reviewer');
const leader = as('zz-town-leader');
const neighbourWindow = as('zz2-town-window');
const neighbourReviewer = as('zz2-town-reviewer');

const OUT_OF_SCOPE = { status: 403, body: expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }) };

describe('(g) every person works only in their own scope', () => {
  it('an officer of another town can neither see nor act on a case, and their attempts change nothing', async () => {
    const filed = await fileCase(TOWN_MATTER);
    const acceptance = await openTask(filed.caseId, 0);
    expect(acceptance.unitCode).toBe('140525100-window');

    // Not in their inbox, not in the case's task list, not readable as a case.
    const theirs = await inboxOf(neighbourWindow, '?pageSize=200');
    expect(theirs.items.map((task) => task.caseId)).not.toContain(filed.caseId);
    expect(await tasksOf(filed.caseId, neighbourWindow)).toEqual([]);
    expect(await neighbourWindow.get(`${serviceUrl('routing')}/cases/${filed.caseId}`)).toEqual(OUT_OF_SCOPE);

    // Nor can they claim, decide, withdraw it, or file an application for the town.
    expect(await neighbourWindow.post(`${approval}/tasks/${acceptance.id}/claim`, {})).toEqual(OUT_OF_SCOPE);
    expect(await decide(acceptance, { outcome: 'approve' }, neighbourWindow)).toEqual(OUT_OF_SCOPE);
    expect(await decide(acceptance, { outcome: 'reject', opinion: '不受理' }, neighbourReviewer)).toEqual(
      OUT_OF_SCOPE,
    );
    expect(await caseAction(filed.caseId, 'withdrawal', { reason: '冒名撤回' }, neighbourWindow)).toEqual(
      OUT_OF_SCOPE,
    );
    const filing = await neighbourWindow.post<Refusal>(`${serviceUrl('intake')}/applications`, {
      county: '140525',
      town: '140525100',
      ...applicantFields('吴十'),
      ...TOWN_MATTER,
    });
    expect(filing).toEqual(OUT_OF_SCOPE);

    // The task is still open, unclaimed, and the window of its own town takes it.
    const [untouched] = await tasksOf(filed.caseId);
    expect(untouched).toEqual(expect.objectContaining({ status: 'open', claimedBy: null }));
    expect((await decide(acceptance, { outcome: 'approve' })).status).toBe(202);
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });

  it('each town role sees its own steps in “my tasks”: the window accepts, the reviewer reviews', async () => {
    const filed = await fileCase(TOWN_MATTER);
    const acceptance = await openTask(filed.caseId, 0);
    const windowInbox = await inboxOf(window, '?pageSize=200');
    expect(windowInbox.items.find((task) => task.id === acceptance.id)).toEqual(
      expect.objectContaining({ stepName: '受理', canAct: true, claimedByMe: false }),
    );
    expect((await inboxOf(reviewer, '?pageSize=200')).items.map((task) => task.id)).not.toContain(
      acceptance.id,
    );
    // The reviewer sees the task in the town's view but may not take the window's step.
    const townView = await inboxOf(reviewer, '?view=unit&pageSize=200');
    expect(townView.items.find((task) => task.id === acceptance.id)).toEqual(
      expect.objectContaining({ canAct: false }),
    );
    expect(await decide(acceptance, { outcome: 'approve' }, reviewer)).toEqual(OUT_OF_SCOPE);

    expect((await decide(acceptance, { outcome: 'approve' })).status).toBe(202);
    const review = await openTask(filed.caseId, 1);
    expect(review.stepName).toBe('审核');
    const reviewerInbox = await eventually('the review task in the reviewer’s inbox', async () => {
      const inbox = await inboxOf(reviewer, '?pageSize=200');
      return inbox.items.some((task) => task.id === review.id) ? inbox : undefined;
    });
    expect(reviewerInbox.items.find((task) => task.id === review.id)?.canAct).toBe(true);
    expect((await inboxOf(window, '?pageSize=200')).items.map((task) => task.id)).not.toContain(review.id);

    // 已办: the window's decided acceptance, recorded with the window's name from the login.
    const done = await inboxOf(window, '?status=done&pageSize=200');
    expect(done.items.find((task) => task.id === acceptance.id)).toEqual(
      expect.objectContaining({ outcome: 'approve', handlerName: '南村镇受理窗口（演示）' }),
    );
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });

  it('a claim keeps others off the task until it is decided or released', async () => {
    const filed = await fileCase(TOWN_MATTER);
    const acceptance = await openTask(filed.caseId, 0);
    const claim = (person = window) => person.post<Refusal>(`${approval}/tasks/${acceptance.id}/claim`, {});
    const release = (person = window) =>
      person.post<Refusal>(`${approval}/tasks/${acceptance.id}/release`, {});

    const claimed = await claim();
    expect(claimed).toEqual({
      status: 200,
      body: expect.objectContaining({ claimedByMe: true, claimedByName: '南村镇受理窗口（演示）' }),
    });
    expect((await claim()).status).toBe(200); // claiming one's own task again is harmless
    // Someone who only sees the task cannot take the claim away.
    expect(await release(leader)).toEqual({
      status: 409,
      body: expect.objectContaining({ code: 'APPROVAL.TASK_NOT_CLAIMED_BY_YOU' }),
    });
    expect((await release()).body).toEqual(expect.objectContaining({ claimedBy: null, claimedByMe: false }));
    expect(await release()).toEqual({
      status: 409,
      body: expect.objectContaining({ code: 'APPROVAL.TASK_NOT_CLAIMED_BY_YOU' }),
    });

    expect((await claim()).status).toBe(200);
    expect((await decide(acceptance, { outcome: 'approve' })).status).toBe(202);
    const decided = await eventually('the decision to be recorded', async () => {
      const [task] = await tasksOf(filed.caseId);
      return task.status === 'done' ? task : undefined;
    });
    // A decided task holds no claim, and claiming it now is refused as already decided.
    expect(decided).toEqual(
      expect.objectContaining({ claimedBy: null, handlerName: '南村镇受理窗口（演示）' }),
    );
    expect(await claim()).toEqual({
      status: 409,
      body: expect.objectContaining({ code: 'APPROVAL.TASK_ALREADY_DECIDED' }),
    });
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });

  it('watchers see the whole county and act nowhere; nobody gets in without a login', async () => {
    const filed = await fileCase(TOWN_MATTER);
    const acceptance = await openTask(filed.caseId, 0);
    expect((await tasksOf(filed.caseId)).map((task) => task.id)).toEqual([acceptance.id]);
    expect(await decide(acceptance, { outcome: 'approve' }, watcher)).toEqual(OUT_OF_SCOPE);
    expect((await inboxOf(watcher)).items).toEqual([]);

    const anonymous = await getJson<Refusal>(`${approval}/tasks/inbox`);
    expect(anonymous).toEqual({
      status: 401,
      body: expect.objectContaining({
        code: 'AUTH.TOKEN_MISSING',
        message: expect.stringContaining('请先登录'),
      }),
    });
    // The audit log is for auditors and supervisors, not for a town window.
    expect(await window.get(`${serviceUrl('audit')}/audit/streams/${filed.caseId}/events`)).toEqual({
      status: 403,
      body: expect.objectContaining({ code: 'AUTH.ROLE_NOT_ALLOWED' }),
    });
    // A town's leader watches their own town, not the county; a seal keeper of another county sees no ledger here.
    const supervision = `${serviceUrl('routing')}/supervision/cases`;
    expect((await leader.get(`${supervision}?county=140525&town=140525100&pageSize=1`)).status).toBe(200);
    expect(await leader.get(`${supervision}?county=140525&pageSize=1`)).toEqual(OUT_OF_SCOPE);
    expect(await as('qs-town-seal-keeper').get(`${serviceUrl('seal')}/ledger?town=140525100`)).toEqual(
      OUT_OF_SCOPE,
    );
    // A supervisor of another county sees nothing of 泽州县.
    expect(
      await as('qs-supervisor').get(`${serviceUrl('routing')}/supervision/cases?county=140525&pageSize=1`),
    ).toEqual(OUT_OF_SCOPE);
    // The breakdowns by step and person, and by matter: a new case in 下村镇 (where no other test files) shows up
    // in both, counted once; the same reach rules apply.
    const openTasks = `${serviceUrl('approval')}/supervision/open-tasks`;
    const matters = `${serviceUrl('routing')}/supervision/matters`;
    const xiacun = async () => {
      const { body: byPerson } = await watcher.get<
        { unitCode: string; stepName: string; holderId: string | null; open: number }[]
      >(`${openTasks}?county=140525&town=140525101`);
      const { body: byMatter } = await watcher.get<{ matterCode: string; open: number }[]>(
        `${matters}?county=140525&town=140525101`,
      );
      return {
        unclaimedAcceptances:
          byPerson.find((g) => g.unitCode === '140525101-window' && g.stepName === '受理' && !g.holderId)
            ?.open ?? 0,
        openOfMatter: byMatter.find((g) => g.matterCode === 'ZZ-T-007')?.open ?? 0,
      };
    };
    const before = await xiacun();
    const neighbours = await fileCase({ ...TOWN_MATTER, town: '140525101' }, {}, as('zz2-town-window'));
    await openTask(neighbours.caseId, 0);
    expect(await xiacun()).toEqual({
      unclaimedAcceptances: before.unclaimedAcceptances + 1,
      openOfMatter: before.openOfMatter + 1,
    });
    await caseAction(neighbours.caseId, 'withdrawal', { reason: '测试结束' }, as('zz2-town-window'));
    expect((await leader.get(`${openTasks}?county=140525&town=140525100`)).status).toBe(200);
    expect(await leader.get(`${openTasks}?county=140525`)).toEqual(OUT_OF_SCOPE);
    expect(await as('qs-supervisor').get(`${matters}?county=140525`)).toEqual(OUT_OF_SCOPE);
    expect((await window.get(`${openTasks}?county=140525&town=140525100`)).body).toEqual(
      expect.objectContaining({ code: 'AUTH.ROLE_NOT_ALLOWED' }),
    );
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });
});
