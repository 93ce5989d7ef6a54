import { randomUUID } from 'node:crypto';
import { TOPICS, type CaseMilestone } from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { currentCalendar, loadYear, removeCountyDay, setCountyDay } from '../src/calendar/calendar-years';
import { createCaseActivities } from '../src/case-progress/case-activities';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';

describe('case activities of the routing service (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let activities: ReturnType<typeof createCaseActivities>;

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_case_activities', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
    activities = createCaseActivities(suite.dataSource);
  });

  afterAll(async () => {
    await suite?.close();
  });

  async function routedCase(): Promise<string> {
    const caseId = randomUUID();
    await suite.dataSource.getRepository(RoutedCase).insert({
      caseId,
      county: '140525',
      town: '140525100',
      matterCode: 'ZZ-T-001',
      receiptNumber: '140525-20261123-000009',
      route: null,
      workflowId: caseId,
      workflowRunId: randomUUID(),
      routedAt: new Date(),
    });
    return caseId;
  }

  const milestone = (caseId: string, fields: Partial<CaseMilestone> & Pick<CaseMilestone, 'kind'>) =>
    ({
      milestoneId: randomUUID(),
      caseId,
      county: '140525',
      town: '140525100',
      correlationId: caseId,
      at: new Date().toISOString(),
      ...fields,
    }) as CaseMilestone;

  it('counts working days on the official calendar: 20 working days from 2026-09-30 skip the National Day week', async () => {
    await expect(
      activities.computeDeadline({ startDate: '2026-09-30', workingDays: 20, stops: [] }),
    ).resolves.toEqual({ dueDate: '2026-11-03', provisional: false });
  });

  it('marks a deadline reaching into an unpublished year provisional, until an administrator loads that year', async () => {
    const request = { startDate: '2026-12-28', workingDays: 5, stops: [] };
    const before = await activities.computeDeadline(request);
    // 元旦 is off by law even before the year's notice: the guess already skips it, but is only provisional.
    expect(before).toEqual({ dueDate: '2027-01-05', provisional: true });
    await loadYear(
      suite.dataSource,
      {
        year: 2027,
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
        makeUpWorkdays: [],
        source: '测试通知',
      },
      { name: '平台系统管理员', id: 'system-admin-1' },
    );
    await expect(activities.computeDeadline(request)).resolves.toEqual({
      dueDate: '2027-01-05',
      provisional: false,
    });
  });

  it('leaves the stopped days out of the count', async () => {
    const plain = await activities.computeDeadline({ startDate: '2026-11-02', workingDays: 10, stops: [] });
    const stopped = await activities.computeDeadline({
      startDate: '2026-11-02',
      workingDays: 10,
      stops: [{ from: '2026-11-05', to: '2026-11-09' }],
    });
    expect(plain.dueDate).toBe('2026-11-16');
    // 11-05 (Thu), 11-06 (Fri) and 11-09 (Mon) are working days that no longer count.
    expect(stopped.dueDate).toBe('2026-11-19');
  });

  it('announces a milestone once, however often the activity is retried, and updates the supervision view', async () => {
    const caseId = await routedCase();
    const accepted = milestone(caseId, {
      kind: 'accepted',
      receiptNumber: '140525-20261123-000009',
      matterCode: 'ZZ-T-001',
      matterVersion: 1,
      committedDueDate: '2026-12-07',
      provisional: false,
    });
    await activities.announce(accepted);
    await activities.announce(accepted);
    const red = milestone(caseId, {
      kind: 'warning',
      scope: 'case',
      severity: 'red',
      unitCode: 'u',
      dueDate: '2026-12-07',
    });
    const yellow = milestone(caseId, {
      kind: 'warning',
      scope: 'step',
      severity: 'yellow',
      unitCode: 'u',
      dueDate: '2026-12-01',
      stepName: '审核',
    });
    await activities.announce(red);
    await activities.announce(yellow);

    const outbox = (await suite.dataSource.query(
      `SELECT topic FROM routing.outbox WHERE message_key = $1 ORDER BY seq`,
      [caseId],
    )) as { topic: string }[];
    expect(outbox.map((row) => row.topic)).toEqual([
      TOPICS.caseAcceptedV1,
      TOPICS.deadlineWarningV1,
      TOPICS.deadlineWarningV1,
    ]);
    const [row] = (await suite.dataSource.query(
      `SELECT stage, committed_due_date::text AS due, warning FROM routing.routed_cases WHERE case_id = $1`,
      [caseId],
    )) as { stage: string; due: string; warning: string }[];
    // The worst warning stands: a later yellow does not hide a red.
    expect(row).toEqual({ stage: 'in-progress', due: '2026-12-07', warning: 'red' });
  });

  it('puts a stalled case on the record and in the supervision view, and takes the flag down on its retry', async () => {
    const caseId = await routedCase();
    await activities.announce(
      milestone(caseId, {
        kind: 'stalled',
        activity: 'closeReviewTask',
        code: '22021',
        message: 'closeReviewTask: the database refused the data (22021)',
      }),
    );
    const flagged = async () =>
      (
        (await suite.dataSource.query(
          `SELECT stalled_activity AS activity, stalled_since IS NOT NULL AS stalled FROM routing.routed_cases
            WHERE case_id = $1`,
          [caseId],
        )) as { activity: string | null; stalled: boolean }[]
      )[0];
    expect(await flagged()).toEqual({ activity: 'closeReviewTask', stalled: true });

    await activities.announce(
      milestone(caseId, {
        kind: 'unstalled',
        activity: 'closeReviewTask',
        handlerId: 'qs-admin',
        handlerName: '沁水县系统管理员',
        note: '已清除意见中的非法字符',
      }),
    );
    expect(await flagged()).toEqual({ activity: null, stalled: false });
    const outbox = (await suite.dataSource.query(
      `SELECT topic, envelope->'payload' AS payload FROM routing.outbox WHERE message_key = $1 ORDER BY seq`,
      [caseId],
    )) as { topic: string; payload: { note?: string } }[];
    expect(outbox.map((row) => row.topic)).toEqual([TOPICS.caseStalledV1, TOPICS.caseUnstalledV1]);
    expect(outbox[1].payload.note).toBe('已清除意见中的非法字符');
  });

  it('counts a county’s own day off for that county’s cases only, and refuses a day the law keeps off', async () => {
    const request = { startDate: '2026-11-02', workingDays: 3, stops: [] };
    const admin = { name: '沁水县管理员', id: 'qs-admin-1' };
    await setCountyDay(
      suite.dataSource,
      '140521',
      { date: '2026-11-04', working: false, reason: '暴雪停止办公' },
      admin,
    );
    await expect(activities.computeDeadline({ ...request, county: '140521' })).resolves.toEqual({
      dueDate: '2026-11-06',
      provisional: false,
    });
    await expect(activities.computeDeadline({ ...request, county: '140525' })).resolves.toEqual({
      dueDate: '2026-11-05',
      provisional: false,
    });
    await expect(
      setCountyDay(suite.dataSource, '140521', { date: '2026-10-01', working: true, reason: '加班' }, admin),
    ).rejects.toThrow('2026-10-01 是法定节假日，县里不能调整为上班');
    await expect(removeCountyDay(suite.dataSource, '140521', '2026-11-04')).resolves.toEqual(
      expect.objectContaining({ working: false, reason: '暴雪停止办公' }),
    );
    await expect(activities.computeDeadline({ ...request, county: '140521' })).resolves.toEqual({
      dueDate: '2026-11-05',
      provisional: false,
    });
  });

  it('counts on the calendar as committed: a day off set in a change that was rolled back never counts', async () => {
    const request = { startDate: '2026-11-09', workingDays: 3, stops: [], county: '140521' };
    await expect(
      suite.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO routing.county_days (county, date, working, reason, set_by, set_by_id)
           VALUES ('140521', '2026-11-10', false, '停电', '沁水县管理员', 'qs-admin-1')`,
        );
        // Inside the change, its own day already counts.
        const inside = await currentCalendar(manager, '140521');
        expect(inside.isWorkingDay('2026-11-10')).toBe(false);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await expect(activities.computeDeadline(request)).resolves.toEqual({
      dueDate: '2026-11-12',
      provisional: false,
    });
  });

  it('a recalculated case shows its new dates: the committed date, and the open step’s in the search list', async () => {
    const caseId = await routedCase();
    const taskId = randomUUID();
    await activities.announce(
      milestone(caseId, {
        kind: 'accepted',
        receiptNumber: '140525-20261123-000009',
        matterCode: 'ZZ-T-001',
        matterVersion: 1,
        committedDueDate: '2026-12-07',
        provisional: true,
      }),
    );
    await suite.dataSource.query(
      `UPDATE routing.routed_cases SET current_task_id = $2, current_step_due_date = '2026-12-03' WHERE case_id = $1`,
      [caseId, taskId],
    );
    await activities.announce(
      milestone(caseId, {
        kind: 'rescheduled',
        change: '本县工作日调整',
        previousDueDate: '2026-12-07',
        committedDueDate: '2026-12-08',
        provisional: false,
        stepName: '审核',
        stepTaskId: taskId,
        stepDueDate: '2026-12-04',
      }),
    );
    const [row] = (await suite.dataSource.query(
      `SELECT committed_due_date::text AS due, due_date_provisional AS provisional,
              current_step_due_date::text AS "stepDue"
         FROM routing.routed_cases WHERE case_id = $1`,
      [caseId],
    )) as { due: string; provisional: boolean; stepDue: string }[];
    expect(row).toEqual({ due: '2026-12-08', provisional: false, stepDue: '2026-12-04' });
    const topics = (await suite.dataSource.query(
      `SELECT topic FROM routing.outbox WHERE message_key = $1 ORDER BY seq`,
      [caseId],
    )) as { topic: string }[];
    expect(topics.map((one) => one.topic)).toEqual([TOPICS.caseAcceptedV1, TOPICS.deadlineRecalculatedV1]);
  });
});
