import { notificationSentV1, type NotificationSentV1 } from '@oneseal/contracts';
import { changeAndEnqueueEvent, isoTimestampOf } from '@oneseal/database';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import type { Channel, RecipientKind } from '../notifications/notification.entity';
import { sentAnnouncement } from '../notifications/sent-announcement';
import type { TemplateName } from '../notifications/templates';
import { asDeliveryFailure, type DeliveryFailure } from './delivery-failure';
import type { NotificationProvider } from './notification-provider';
import { retryDelayMs, type RetryPolicy } from './retry-policy';

export interface DeliveryLogger {
  warn(message: string): void;
}

interface ClaimedMessage {
  id: string;
  case_id: string;
  recipient_kind: RecipientKind;
  recipient: string;
  channel: Channel;
  template: TemplateName;
  template_params: Record<string, string>;
  body: string;
  source_event_id: string;
  county: string;
  town: string | null;
  correlation_id: string;
  attempts: number;
}

export type AttemptOutcome = 'sent' | 'retry-scheduled' | 'failed' | 'lost-claim';

/**
 * Sends due messages through the provider of their channel, at most one sender per message at a time: a message
 * is claimed (FOR UPDATE SKIP LOCKED, then leased by moving its next attempt past the lease) and its outcome is
 * only written by the attempt that claimed it (matched on the attempt count).
 */
export class NotificationDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: Record<Channel, NotificationProvider>,
    private readonly policy: RetryPolicy,
    private readonly logger: DeliveryLogger = { warn: () => undefined },
    private readonly random: () => number = Math.random,
  ) {}

  /** Attempts up to `limit` due messages; returns how many it attempted. */
  async deliverDue(limit = 20): Promise<number> {
    const claimed = await this.claimDue(limit);
    await Promise.all(claimed.map((message) => this.attempt(message)));
    return claimed.length;
  }

  private async claimDue(limit: number): Promise<ClaimedMessage[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notification.notifications AS n
          SET attempts = n.attempts + 1,
              next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
        WHERE n.id IN (SELECT id FROM notification.notifications
                        WHERE status = 'pending' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
       RETURNING n.id, n.case_id, n.recipient_kind, n.recipient, n.channel, n.template, n.template_params, n.body,
                 n.source_event_id, n.county, n.town, n.correlation_id, n.attempts`,
      [limit, this.policy.leaseMs],
    )) as [ClaimedMessage[], number];
    return rows;
  }

  private async attempt(message: ClaimedMessage): Promise<AttemptOutcome> {
    const provider = this.providers[message.channel];
    let providerMessageId: string;
    try {
      providerMessageId = await provider.send({
        notificationId: message.id,
        recipient: message.recipient,
        template: message.template,
        params: message.template_params,
        body: message.body,
      });
    } catch (error) {
      return this.recordFailure(message, asDeliveryFailure(error));
    }
    return this.recordSent(message, provider.name, providerMessageId);
  }

  /** Marks the message sent and announces it, in one statement: announced if and only if recorded. */
  private async recordSent(
    message: ClaimedMessage,
    provider: string,
    providerMessageId: string,
  ): Promise<AttemptOutcome> {
    const announced = await changeAndEnqueueEvent<NotificationSentV1, 'sentAt'>(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      notificationSentV1,
      {
        sql: `UPDATE notification.notifications
                 SET status = 'sent', sent_at = $5, provider = $3, provider_message_id = $4, last_error = NULL,
                     next_attempt_at = NULL
               WHERE id = $1 AND attempts = $2 AND status = 'pending'
               RETURNING id, sent_at`,
        params: [message.id, message.attempts, provider, providerMessageId, new Date()],
      },
      sentAnnouncement({
        id: message.id,
        caseId: message.case_id,
        recipientKind: message.recipient_kind,
        channel: message.channel,
        template: message.template,
        county: message.county,
        town: message.town,
        correlationId: message.correlation_id,
        sourceEventId: message.source_event_id,
      }),
      { sentAt: isoTimestampOf('sent_at') },
    );
    return announced ? 'sent' : this.lostClaim(message);
  }

  private async recordFailure(message: ClaimedMessage, failure: DeliveryFailure): Promise<AttemptOutcome> {
    const reason = `${failure.code}: ${failure.message}`;
    const exhausted = message.attempts >= this.policy.maxAttempts;
    if (failure.retryable && !exhausted) {
      const delayMs = retryDelayMs(message.attempts, this.policy, this.random);
      const updated = await this.updateClaimed(
        message,
        `next_attempt_at = now() + make_interval(secs => $4::double precision / 1000), last_error = $3`,
        [reason, delayMs],
      );
      return updated ? 'retry-scheduled' : this.lostClaim(message);
    }
    const finalReason = failure.retryable ? `gave up after ${message.attempts} attempts: ${reason}` : reason;
    this.logger.warn(`notification ${message.id} (${message.template}) failed: ${finalReason}`);
    const updated = await this.updateClaimed(
      message,
      `status = 'failed', next_attempt_at = NULL, last_error = $3`,
      [finalReason],
    );
    return updated ? 'failed' : this.lostClaim(message);
  }

  private async updateClaimed(message: ClaimedMessage, set: string, values: unknown[]): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE notification.notifications SET ${set} WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [message.id, message.attempts, ...values],
    )) as [unknown, number];
    return count > 0;
  }

  private lostClaim(message: ClaimedMessage): AttemptOutcome {
    // Only when this attempt outlived its lease and another one took over; that one records the outcome.
    this.logger.warn(`notification ${message.id}: attempt ${message.attempts} outlived its lease`);
    return 'lost-claim';
  }
}
