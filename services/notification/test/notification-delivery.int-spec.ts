import { randomUUID } from 'node:crypto';
import {
  NOTICE_KINDS,
  noticeIssuedV1,
  notificationSentV1,
  parseEvent,
  TOPICS,
  type EventEnvelope,
  type NoticeIssuedV1,
} from '@oneseal/contracts';
import { eventually, openSuiteDataSource, TEST_PEOPLE, type SuiteDataSource } from '@oneseal/testing';
import { NOTIFICATION_SCHEMA } from '../src/config/notification.env';
import { DeliveryFailure } from '../src/delivery/delivery-failure';
import { NotificationDelivery } from '../src/delivery/notification-delivery';
import { NoticeMessages } from '../src/notices/notice-messages';
import { RecordingProvider } from '../src/delivery/recording.provider';
import type { RetryPolicy } from '../src/delivery/retry-policy';
import { Notification } from '../src/notifications/notification.entity';
import { NotificationPlanner } from '../src/notifications/notification-planner';
import {
  caseAcceptedRule,
  caseConcludedRule,
  reviewTaskOpenedRule,
} from '../src/notifications/notification-rules';
import { NotificationsService } from '../src/notifications/notifications.service';
import { accepted, concluded, newCase, submitted, taskOpened } from './support/events';
import { ScriptedProvider } from './support/scripted-provider';

/** Short delays so retries fall due within the test; the schedule itself is unit-tested. */
const FAST: RetryPolicy = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 5, leaseMs: 60_000 };

describe('notification planning and delivery (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let planner: NotificationPlanner;

  beforeAll(async () => {
    suite = await openSuiteDataSource('notification', {
      schema: NOTIFICATION_SCHEMA,
      entities: [Notification],
    });
    planner = new NotificationPlanner(suite.dataSource);
  });

  afterAll(async () => {
    await suite?.close();
  });

  const deliveryWith = (sms: ScriptedProvider, policy: RetryPolicy = FAST) =>
    new NotificationDelivery(suite.dataSource, { sms, inbox: new RecordingProvider() }, policy);

  /** Attempts whatever is due until nothing is left due (retries with FAST fall due within milliseconds). */
  async function deliverAll(delivery: NotificationDelivery): Promise<void> {
    await eventually('every due message to be settled', async () => {
      await delivery.deliverDue();
      const [{ pending }] = (await suite.dataSource.query(
        `SELECT count(*)::int AS pending FROM notification.notifications WHERE status = 'pending'`,
      )) as [{ pending: number }];
      return pending === 0 ? true : undefined;
    });
  }

  const messagesOf = (caseId: string) =>
    suite.dataSource.getRepository(Notification).find({ where: { caseId }, order: { createdAt: 'ASC' } });

  async function announcedSent(notificationId: string) {
    return (await suite.dataSource.query(
      `SELECT envelope FROM notification.outbox WHERE topic = $1 AND envelope->'payload'->>'notificationId' = $2`,
      [TOPICS.notificationSentV1, notificationId],
    )) as { envelope: { causationId: string; payload: { channel: string; template: string } } }[];
  }

  it('sends one message for an event however often it is delivered, and announces it once', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    const event = accepted(test);

    const outcomes = await Promise.all([
      planner.handleEvent(caseAcceptedRule, event),
      planner.handleEvent(caseAcceptedRule, event),
      planner.handleEvent(caseAcceptedRule, event),
    ]);
    await planner.handleEvent(caseAcceptedRule, event);
    expect(outcomes.filter((outcome) => outcome === 'processed')).toHaveLength(1);

    const sms = new ScriptedProvider();
    await deliverAll(deliveryWith(sms));
    await deliverAll(deliveryWith(sms));

    const messages = await messagesOf(test.caseId);
    expect(messages).toEqual([
      expect.objectContaining({
        recipientKind: 'applicant',
        recipient: test.phone,
        channel: 'sms',
        template: 'caseAcceptedWithQueryCode',
        status: 'sent',
        attempts: 1,
        provider: 'scripted',
        providerMessageId: 'accepted-1',
      }),
    ]);
    expect(messages[0].body).toContain(test.receiptNumber);
    expect(messages[0].body).toContain('查询码K7QM-3XPD-9RTA');
    expect(sms.calls).toHaveLength(1);
    const announced = await announcedSent(messages[0].id);
    expect(announced).toHaveLength(1);
    expect(announced[0].envelope.causationId).toBe(event.id);
    expect(announced[0].envelope.payload).toEqual(
      expect.objectContaining({ channel: 'sms', template: 'caseAcceptedWithQueryCode' }),
    );
  });

  it('never records a second message for the same event and recipient, even past the processed-events inbox', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    const event = accepted(test);
    await planner.handleEvent(caseAcceptedRule, event);
    // As if the inbox had lost the event: only the unique constraint stands in the way now.
    await suite.dataSource.query(`DELETE FROM notification.processed_events WHERE event_id = $1`, [event.id]);
    await expect(planner.handleEvent(caseAcceptedRule, event)).resolves.toBe('processed');
    expect(await messagesOf(test.caseId)).toHaveLength(1);
    await deliverAll(deliveryWith(new ScriptedProvider()));
  });

  it('tells the applicant from a replica that did not see them recorded, once across both replicas', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    const other = new NotificationPlanner(suite.dataSource);
    const event = accepted(test);
    const outcomes = await Promise.all([
      other.handleEvent(caseAcceptedRule, event),
      planner.handleEvent(caseAcceptedRule, event),
    ]);
    expect(outcomes.sort()).toEqual(['duplicate', 'processed']);
    // The other replica now knows the applicant too: a redelivery there is recognised.
    await expect(other.handleEvent(caseAcceptedRule, event)).resolves.toBe('duplicate');
    expect(await messagesOf(test.caseId)).toEqual([
      expect.objectContaining({ recipient: test.phone, template: 'caseAcceptedWithQueryCode' }),
    ]);
    await deliverAll(deliveryWith(new ScriptedProvider()));
  });

  it('retries a retryable provider failure with backoff until it is sent', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    await planner.handleEvent(caseAcceptedRule, accepted(test));
    const limited = () => {
      throw DeliveryFailure.retryable('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1');
    };
    const sms = new ScriptedProvider([limited, limited]);

    const delivery = deliveryWith(sms);
    await delivery.deliverDue();
    const [afterFirst] = await messagesOf(test.caseId);
    expect(afterFirst).toEqual(
      expect.objectContaining({
        status: 'pending',
        attempts: 1,
        lastError: expect.stringContaining('BUSINESS_LIMIT'),
      }),
    );
    expect(afterFirst.nextAttemptAt?.getTime()).toBeGreaterThan(afterFirst.createdAt.getTime());
    await deliverAll(delivery);

    const [message] = await messagesOf(test.caseId);
    expect(message).toEqual(
      expect.objectContaining({
        status: 'sent',
        attempts: 3,
        lastError: null,
        providerMessageId: 'accepted-3',
      }),
    );
    expect(sms.calls.map((call) => call.notificationId)).toEqual([message.id, message.id, message.id]);
    expect(await announcedSent(message.id)).toHaveLength(1);
  });

  it('records a permanent failure once, with its reason, and never tries it again', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    await planner.handleEvent(caseConcludedRule, concluded(test, '撤件'));
    const sms = new ScriptedProvider([
      () => {
        throw DeliveryFailure.permanent('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
      },
    ]);
    const delivery = deliveryWith(sms);
    await deliverAll(delivery);
    await delivery.deliverDue();

    const [message] = await messagesOf(test.caseId);
    expect(message).toEqual(
      expect.objectContaining({
        template: 'caseDecided',
        status: 'failed',
        attempts: 1,
        lastError: 'isv.MOBILE_NUMBER_ILLEGAL: 非法手机号',
        nextAttemptAt: null,
      }),
    );
    expect(sms.calls).toHaveLength(1);
    expect(await announcedSent(message.id)).toHaveLength(0);
  });

  it('gives up after the last attempt when a retryable failure never passes', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    await planner.handleEvent(caseAcceptedRule, accepted(test));
    const down = () => {
      throw new Error('socket hang up');
    };
    const sms = new ScriptedProvider([down, down, down]);
    await deliverAll(deliveryWith(sms, { ...FAST, maxAttempts: 3 }));

    const [message] = await messagesOf(test.caseId);
    expect(message.status).toBe('failed');
    expect(message.attempts).toBe(3);
    expect(message.lastError).toBe('gave up after 3 attempts: NOTIFICATION.PROVIDER_ERROR: socket hang up');
    expect(sms.calls).toHaveLength(3);
  });

  it('keeps an event that arrives before the applicant is known, and sends it once the applicant arrives', async () => {
    const test = newCase();
    const event = accepted(test);
    await expect(planner.handleEvent(caseAcceptedRule, event)).resolves.toBe('processed');
    expect(await messagesOf(test.caseId)).toHaveLength(0);
    const parked = (await suite.dataSource.query(
      `SELECT event_id FROM notification.parked_events WHERE case_id = $1`,
      [test.caseId],
    )) as { event_id: string }[];
    expect(parked).toEqual([{ event_id: event.id }]);

    const submission = submitted(test);
    await planner.recordApplicant(submission, TOPICS.applicationSubmittedV1);
    // Redelivered, both: nothing more.
    await planner.recordApplicant(submission, TOPICS.applicationSubmittedV1);
    await expect(planner.handleEvent(caseAcceptedRule, event)).resolves.toBe('duplicate');

    const sms = new ScriptedProvider();
    await deliverAll(deliveryWith(sms));
    const messages = await messagesOf(test.caseId);
    expect(messages).toEqual([
      expect.objectContaining({
        template: 'caseAcceptedWithQueryCode',
        recipient: test.phone,
        status: 'sent',
        sourceEventId: event.id,
      }),
    ]);
    expect(sms.calls).toHaveLength(1);
    expect(
      await suite.dataSource.query(`SELECT 1 FROM notification.parked_events WHERE case_id = $1`, [
        test.caseId,
      ]),
    ).toHaveLength(0);
  });

  it('loses no event that races with the applicant’s arrival', async () => {
    const cases = Array.from({ length: 8 }, () => newCase());
    await Promise.all(
      cases.flatMap((test) => [
        planner.handleEvent(caseAcceptedRule, accepted(test)),
        planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1),
      ]),
    );
    for (const test of cases) {
      expect(await messagesOf(test.caseId)).toHaveLength(1);
    }
    const [{ parked }] = (await suite.dataSource.query(
      `SELECT count(*)::int AS parked FROM notification.parked_events WHERE case_id = ANY($1::uuid[])`,
      [cases.map((test) => test.caseId)],
    )) as [{ parked: number }];
    expect(parked).toBe(0);
    await deliverAll(deliveryWith(new ScriptedProvider()));
  });

  it('tells staff at once, without waiting for the applicant, and lists messages by recipient kind', async () => {
    const test = newCase();
    await planner.handleEvent(reviewTaskOpenedRule, taskOpened(test, '140525100-window'));
    await planner.handleEvent(caseAcceptedRule, accepted(test));
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    await deliverAll(deliveryWith(new ScriptedProvider()));

    const list = new NotificationsService(suite.dataSource);
    const staff = await list.listForCase(TEST_PEOPLE.nancunWindow, test.caseId, 'staff-unit');
    expect(staff).toEqual([
      expect.objectContaining({
        recipient: '140525100-window',
        channel: 'inbox',
        status: 'sent',
        attempts: 1,
        body: `您有一件新的待办：办件 ${test.caseId.slice(0, 8)} 待受理，请及时办理。`,
      }),
    ]);
    const all = await list.listForCase(TEST_PEOPLE.nancunWindow, test.caseId);
    expect(all.map((view) => view.recipientKind)).toEqual(['staff-unit', 'applicant']);
    expect(all[1].recipient).toBe(`${test.phone.slice(0, 3)}****${test.phone.slice(7)}`);
  });

  it("delivers a unit's inbox message as it records it and announces it once; only the SMS waits for the poller", async () => {
    const unknownApplicant = newCase();
    const knownApplicant = newCase();
    await planner.recordApplicant(submitted(knownApplicant), TOPICS.applicationSubmittedV1);
    for (const test of [unknownApplicant, knownApplicant]) {
      const event = taskOpened(test, '140525100-window');
      const outcomes = await Promise.all([
        planner.handleEvent(reviewTaskOpenedRule, event),
        planner.handleEvent(reviewTaskOpenedRule, event),
      ]);
      expect(outcomes.filter((outcome) => outcome === 'processed')).toHaveLength(1);

      const [message] = await messagesOf(test.caseId);
      expect(message).toEqual(
        expect.objectContaining({
          channel: 'inbox',
          status: 'sent',
          attempts: 1,
          provider: 'unit-inbox',
          nextAttemptAt: null,
        }),
      );
      expect(message.sentAt?.getTime()).toBe(message.createdAt.getTime());
      const announced = await announcedSent(message.id);
      expect(announced).toHaveLength(1);
      const sent = parseEvent(notificationSentV1, announced[0].envelope);
      expect(sent.causationId).toBe(event.id);
      expect(sent.subject).toBe(test.caseId);
      expect(sent.payload).toEqual({
        notificationId: message.id,
        caseId: test.caseId,
        recipientKind: 'staff-unit',
        channel: 'inbox',
        template: 'taskOpened',
        sentAt: message.sentAt?.toISOString(),
      });
    }

    const accepting = accepted(knownApplicant);
    await planner.handleEvent(caseAcceptedRule, accepting);
    const sms = (await messagesOf(knownApplicant.caseId)).find((message) => message.channel === 'sms');
    expect(sms).toEqual(expect.objectContaining({ status: 'pending', attempts: 0, sentAt: null }));
    expect(await announcedSent(sms?.id ?? '')).toHaveLength(0);
    await deliverAll(deliveryWith(new ScriptedProvider()));
    expect(await announcedSent(sms?.id ?? '')).toHaveLength(1);
  });

  it("puts a county's 通报 in every town leader's inbox in one statement, each message announced once", async () => {
    const towns = ['140525100', '140525101', '140525102'];
    const notices = new NoticeMessages(suite.dataSource, { townsOf: () => towns });
    const documentId = randomUUID();
    const event: EventEnvelope<NoticeIssuedV1> = {
      id: randomUUID(),
      type: noticeIssuedV1.type,
      version: noticeIssuedV1.version,
      occurredAt: new Date().toISOString(),
      subject: documentId,
      county: '140525',
      actor: { kind: 'service', id: 'test' },
      correlationId: documentId,
      payload: {
        documentId,
        kind: NOTICE_KINDS[0],
        county: '140525',
        organ: '140525-gov',
        issuerName: '泽州县人民政府办公室',
        title: '关于2026年11月便民服务中心考核情况的通报',
        number: '泽政办通〔2026〕12号',
        stampId: randomUUID(),
        sealId: randomUUID(),
        documentSm3: 'a'.repeat(64),
        verificationCode: 'K7QM3XPD',
        issuedAt: new Date().toISOString(),
      },
    };
    expect(await notices.issued(event, TOPICS.noticeIssuedV1)).toBe('processed');
    expect(await notices.issued(event, TOPICS.noticeIssuedV1)).toBe('duplicate');

    const messages = await messagesOf(documentId);
    expect(messages.map((message) => [message.recipient, message.status, message.provider])).toEqual(
      expect.arrayContaining(towns.map((town) => [`${town}-approval`, 'sent', 'unit-inbox'])),
    );
    expect(messages).toHaveLength(towns.length);
    for (const message of messages) {
      const announced = await announcedSent(message.id);
      expect(announced).toHaveLength(1);
      const sent = parseEvent(notificationSentV1, announced[0].envelope);
      expect(sent).toEqual(
        expect.objectContaining({ subject: documentId, county: '140525', causationId: event.id }),
      );
      expect(sent.town).toBeUndefined();
      expect(sent.payload.sentAt).toBe(message.sentAt?.toISOString());
    }
  });

  it('does not tell a refused applicant twice: the 退回 conclusion follows the 不予受理 message', async () => {
    const test = newCase();
    await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
    await planner.handleEvent(caseConcludedRule, concluded(test, '退回'));
    expect(await messagesOf(test.caseId)).toHaveLength(0);
  });
});
