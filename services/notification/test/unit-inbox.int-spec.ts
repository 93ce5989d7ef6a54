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
});
