import type { AuthUser } from '@oneseal/auth';
import { TOPICS } from '@oneseal/contracts';
import { openSuiteDataSource, TEST_PEOPLE, type SuiteDataSource } from '@oneseal/testing';
import { NOTIFICATION_SCHEMA } from '../src/config/notification.env';
import { Notification } from '../src/notifications/notification.entity';
import { NotificationPlanner } from '../src/notifications/notification-planner';
import { deadlineWarningRule } from '../src/notifications/notification-rules';
import { NotificationsService } from '../src/notifications/notifications.service';
import { deadlineWarning, newCase, submitted } from './support/events';

const nancun = { county: '140525', town: '140525100' };
const leader: AuthUser = { id: 'leader', name: '南村镇分管领导', roles: ['town-leader'], ...nancun };
const reviewer: AuthUser = { id: 'reviewer', name: '南村镇审核员', roles: ['town-reviewer'], ...nancun };
const supervisor: AuthUser = { id: 'sup', name: '泽州县电子监察', roles: ['supervisor'], county: '140525' };
const otherSupervisor: AuthUser = {
  id: 'qs',
  name: '沁水县电子监察',
  roles: ['supervisor'],
  county: '140521',
};

describe('unit inboxes and 督办 (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let planner: NotificationPlanner;
  let notifications: NotificationsService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('notification_inbox', {
      schema: NOTIFICATION_SCHEMA,
      entities: [Notification],
    });
    planner = new NotificationPlanner(suite.dataSource);
    notifications = new NotificationsService(suite.dataSource);
  });

  afterAll(async () => {
    await suite?.close();
  });

  const inboxOf = async (user: AuthUser) =>
    (await notifications.unitInbox(user, { page: 1, pageSize: 50 })).items.map(
      (m) => `${m.recipient}:${m.template}`,
    );

  it('tells the late unit, its overseer and, past the statutory limit, the county — each in their own inbox', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    await planner.handleEvent(deadlineWarningRule, deadlineWarning(test, 'yellow', '140525100-review'));
    await planner.handleEvent(deadlineWarningRule, deadlineWarning(test, 'red', '140525100-review'));
    await planner.handleEvent(deadlineWarningRule, deadlineWarning(test, 'statutory', '140525100-review'));

    expect(await inboxOf(reviewer)).toEqual([
      '140525100-review:deadlineStatutory',
      '140525100-review:deadlineRed',
      '140525100-review:deadlineYellow',
    ]);
    expect(await inboxOf(leader)).toEqual([
      '140525100-approval:escalationStatutory',
      '140525100-approval:escalationRed',
    ]);
    expect(await inboxOf(supervisor)).toEqual(['140525-supervision:escalationStatutory']);
    const [escalated] = (await notifications.unitInbox(leader, { page: 1, pageSize: 50 })).items;
    expect(escalated.body).toContain(`办件 ${test.receiptNumber} 审核环节已超过法定期限`);
    expect(escalated.body).toContain('承办单位 南村镇便民服务中心审核岗');
  });

  it('shows nobody the messages of another county or another town', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    await planner.handleEvent(deadlineWarningRule, deadlineWarning(test, 'statutory', '140525100-window'));
    expect(await inboxOf(supervisor)).toContain('140525-supervision:escalationStatutory');
    expect(await inboxOf(otherSupervisor)).toEqual([]);
    expect(await inboxOf(TEST_PEOPLE.neighbourWindow)).toEqual([]);
    const page = await notifications.unitInbox(
      { ...supervisor, roles: ['auditor'] },
      { page: 1, pageSize: 50 },
    );
    expect(page).toEqual(expect.objectContaining({ total: 0, units: [] }));
  });

  it('keeps read and unread for each person, filters by kind and unread, and marks only one’s own units’ messages', async () => {
    const test = newCase();
    // The seal keepers' desk: no other test here tells it anything.
    const first: AuthUser = { id: 'keeper-a', name: '用印管理员甲', roles: ['seal-keeper'], ...nancun };
    const second: AuthUser = { id: 'keeper-b', name: '用印管理员乙', roles: ['seal-keeper'], ...nancun };
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    await planner.handleEvent(deadlineWarningRule, deadlineWarning(test, 'yellow', '140525100-seal'));
    await planner.handleEvent(deadlineWarningRule, deadlineWarning(test, 'red', '140525100-seal'));
    const all = await notifications.unitInbox(first, { page: 1, pageSize: 50 });
    expect(all).toEqual(expect.objectContaining({ total: 2, unread: 2 }));
    expect(all.items.map((item) => item.read)).toEqual([false, false]);

    const red = all.items.find((item) => item.template === 'deadlineRed');
    expect(await notifications.markRead(first, [red?.id ?? ''])).toEqual({ marked: 1 });
    expect(await notifications.markRead(first, [red?.id ?? ''])).toEqual({ marked: 0 });
    const after = await notifications.unitInbox(first, { page: 1, pageSize: 50 });
    expect(after.unread).toBe(1);
    expect(after.items.find((item) => item.id === red?.id)?.read).toBe(true);
    expect(
      (await notifications.unitInbox(first, { page: 1, pageSize: 50, unread: true })).items.map(
        (item) => item.template,
      ),
    ).toEqual(['deadlineYellow']);
    expect(
      (await notifications.unitInbox(first, { page: 1, pageSize: 50, kind: 'deadlineRed' })).items,
    ).toHaveLength(1);
    // The colleague at the same desk has read nothing.
    expect((await notifications.unitInbox(second, { page: 1, pageSize: 50 })).unread).toBe(2);
    // Someone of another desk cannot mark these messages.
    expect(await notifications.markRead(reviewer, [red?.id ?? ''])).toEqual({ marked: 0 });
    expect(await notifications.markAllRead(second, new Date().toISOString(), 'deadlineYellow')).toEqual({
      marked: 1,
    });
    expect((await notifications.unitInbox(second, { page: 1, pageSize: 50 })).unread).toBe(1);
    // 全部标为已读 marks only what had arrived when the list was read.
    expect(await notifications.markAllRead(second, '2020-01-01T00:00:00Z')).toEqual({ marked: 0 });
    expect(await notifications.markAllRead(second, new Date().toISOString())).toEqual({ marked: 1 });
    expect((await notifications.unitInbox(second, { page: 1, pageSize: 50 })).unread).toBe(0);
  });

  describe('全部标为已读 at any size: one mark per person, not a row per message', () => {
    // Each test here reads the window desk of a town of its own, so what other tests left counts for nobody.
    const windowClerk = (id: string, town: string): AuthUser => ({
      id,
      name: `窗口人员${id}`,
      roles: ['town-window'],
      county: '140525',
      town,
    });
    const warnWindow = async (town: string, severity: 'yellow' | 'red' | 'statutory', agedMinutes = 0) => {
      const test = newCase();
      await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
      await planner.handleEvent(deadlineWarningRule, deadlineWarning(test, severity, `${town}-window`));
      if (agedMinutes > 0)
        await suite.dataSource.query(
          `UPDATE notification.notifications SET created_at = created_at - make_interval(mins => $2)
            WHERE case_id = $1`,
          [test.caseId, agedMinutes],
        );
      const [{ id }] = (await suite.dataSource.query(
        `SELECT id FROM notification.notifications WHERE case_id = $1 AND recipient = $2`,
        [test.caseId, `${town}-window`],
      )) as { id: string }[];
      return id;
    };
    const rowsOf = async (reader: string) =>
      Number(
        (
          (await suite.dataSource.query(
            `SELECT count(*) AS n FROM notification.inbox_reads WHERE reader_id = $1`,
            [reader],
          )) as { n: string }[]
        )[0].n,
      );
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const unreadOf = async (reader: AuthUser) =>
      (await notifications.unitInbox(reader, { page: 1, pageSize: 50 })).unread;

    it('marks what had arrived, keeps no row for what the mark covers, and leaves unread what arrives after', async () => {
      const clerk = windowClerk('mark-a', '140525101');
      // Read three days ago: nothing was there then.
      await notifications.markAllRead(clerk, daysAgo(3));
      const yellow = await warnWindow('140525101', 'yellow', 120);
      const red = await warnWindow('140525101', 'red', 90);
      await warnWindow('140525101', 'statutory', 60 * 24);
      expect(await unreadOf(clerk)).toBe(3);
      expect(await notifications.markRead(clerk, [red])).toEqual({ marked: 1 });
      expect(await unreadOf(clerk)).toBe(2);

      expect(await notifications.markAllRead(clerk, new Date().toISOString())).toEqual({ marked: 2 });
      expect(await unreadOf(clerk)).toBe(0);
      // Every message read, none of them by a row of its own: the one read by hand was let go with the mark.
      const page = await notifications.unitInbox(clerk, { page: 1, pageSize: 50 });
      expect(page.items.every((item) => item.read)).toBe(true);
      expect(await rowsOf(clerk.id)).toBe(0);
      // Marking a covered message again marks nothing.
      expect(await notifications.markRead(clerk, [yellow])).toEqual({ marked: 0 });

      const later = await warnWindow('140525101', 'yellow');
      expect(await unreadOf(clerk)).toBe(1);
      expect(
        (await notifications.unitInbox(clerk, { page: 1, pageSize: 50, unread: true })).items.map(
          (m) => m.id,
        ),
      ).toEqual([later]);
      // A colleague at the same desk still has all of them unread.
      expect(await unreadOf(windowClerk('mark-b', '140525101'))).toBe(4);
    });

    it('leaves unread a message created before the list was read but committed after the button was pressed', async () => {
      const clerk = windowClerk('mark-c', '140525102');
      const asOf = new Date().toISOString();
      await notifications.markAllRead(clerk, asOf);
      // Created 20 s before the list's time, committed only now: the person never saw it.
      const late = await warnWindow('140525102', 'red');
      await suite.dataSource.query(
        `UPDATE notification.notifications SET created_at = $2::timestamptz - interval '20 seconds' WHERE id = $1`,
        [late, asOf],
      );
      expect(
        (await notifications.unitInbox(clerk, { page: 1, pageSize: 50, unread: true })).items.map(
          (m) => m.id,
        ),
      ).toEqual([late]);
    });

    it('marks a unit’s messages for its desk only: a person who takes on another desk has read none of its messages', async () => {
      const clerk = windowClerk('mark-e', '140525104');
      const reviewDesk = async (severity: 'yellow' | 'red') => {
        const test = newCase();
        await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
        await planner.handleEvent(deadlineWarningRule, deadlineWarning(test, severity, '140525104-review'));
        await suite.dataSource.query(
          `UPDATE notification.notifications SET created_at = created_at - interval '2 hours' WHERE case_id = $1`,
          [test.caseId],
        );
      };
      await warnWindow('140525104', 'yellow', 120);
      await reviewDesk('yellow');
      await reviewDesk('red');
      expect(await notifications.markAllRead(clerk, new Date().toISOString())).toEqual({ marked: 1 });
      const both: AuthUser = { ...clerk, roles: ['town-window', 'town-reviewer'] };
      const page = await notifications.unitInbox(both, { page: 1, pageSize: 50 });
      expect(page.unread).toBe(2);
      expect(page.items.filter((m) => !m.read).map((m) => m.recipient)).toEqual([
        '140525104-review',
        '140525104-review',
      ]);
      // Marking all now covers the review desk too, and its first desk stays read.
      expect(await notifications.markAllRead(both, new Date().toISOString())).toEqual({ marked: 2 });
      expect(await unreadOf(both)).toBe(0);
    });

    it('marks one kind without the others, and never what is written after a time given ahead of now', async () => {
      const clerk = windowClerk('mark-d', '140525103');
      await notifications.markAllRead(clerk, daysAgo(1));
      await warnWindow('140525103', 'yellow', 30);
      const red = await warnWindow('140525103', 'red', 30);
      expect(await notifications.markAllRead(clerk, new Date().toISOString(), 'deadlineYellow')).toEqual({
        marked: 1,
      });
      expect(
        (await notifications.unitInbox(clerk, { page: 1, pageSize: 50, unread: true })).items.map(
          (m) => m.id,
        ),
      ).toEqual([red]);
      await warnWindow('140525103', 'yellow');
      expect(await unreadOf(clerk)).toBe(2);

      expect(await notifications.markAllRead(clerk, '2999-01-01T00:00:00Z')).toEqual({ marked: 2 });
      expect(await unreadOf(clerk)).toBe(0);
      const afterwards = await warnWindow('140525103', 'statutory');
      expect(
        (await notifications.unitInbox(clerk, { page: 1, pageSize: 50, unread: true })).items.map(
          (m) => m.id,
        ),
      ).toEqual([afterwards]);
    });
  });

  it('pages a person’s desks’ messages newest first, as one list, and counts them up to ten thousand', async () => {
    // Two desks of a town no other test reads: a year of the window's messages, and a few of the review desk's.
    const town = '140525108';
    const clerk: AuthUser = {
      id: 'busy',
      name: '窗口审核人员',
      roles: ['town-window', 'town-reviewer'],
      county: '140525',
      town,
    };
    const written = async (unit: string, count: number, minutesApart: number, startingMinutesAgo: number) =>
      suite.dataSource.query(
        `INSERT INTO notification.notifications
           (id, case_id, recipient_kind, recipient, template, body, source_event_id, created_at, channel, county, town,
            status)
         SELECT gen_random_uuid(), gen_random_uuid(), 'staff-unit', $1, 'deadlineYellow', '黄牌预警：办件即将到期，请抓紧办理。', gen_random_uuid(),
                now() - make_interval(mins => $4 + n * $3), 'inbox', '140525', $5, 'sent'
           FROM generate_series(0, $2 - 1) AS n`,
        [unit, count, minutesApart, startingMinutesAgo, town],
      );
    await written(`${town}-window`, 10_000, 30, 10);
    // Between the window's newest ones: the 2nd, 4th and 6th of the list (written 25, 85 and 145 minutes ago).
    await written(`${town}-review`, 3, 60, 25);
    const first = await notifications.unitInbox(clerk, { page: 1, pageSize: 4 });
    const second = await notifications.unitInbox(clerk, { page: 2, pageSize: 4 });
    expect(first).toMatchObject({ total: 10_000, totalCapped: true });
    expect([...first.items, ...second.items].map((m) => m.recipient)).toEqual([
      `${town}-window`,
      `${town}-review`,
      `${town}-window`,
      `${town}-window`,
      `${town}-review`,
      `${town}-window`,
      `${town}-window`,
      `${town}-review`,
    ]);
    const times = [...first.items, ...second.items].map((m) => new Date(m.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Nobody read any: counted up to a thousand, and said to be more.
    expect(first).toMatchObject({ unread: 1000, unreadCapped: true });
    // Narrowed to one kind and the unread, the same messages in the same order over both desks.
    const narrowed = await notifications.unitInbox(clerk, {
      page: 2,
      pageSize: 4,
      kind: 'deadlineYellow',
      unread: true,
    });
    expect(narrowed.items.map((m) => m.id)).toEqual(second.items.map((m) => m.id));
    expect(narrowed.items.every((m) => !m.read)).toBe(true);
    // Narrowed to what it holds, the list is counted to the last message.
    const review: AuthUser = { ...clerk, roles: ['town-reviewer'] };
    expect(await notifications.unitInbox(review, { page: 1, pageSize: 4 })).toMatchObject({
      total: 3,
      totalCapped: false,
      unread: 3,
      unreadCapped: false,
    });
  });
});
