import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TemplateName } from './templates';

export type RecipientKind = 'applicant' | 'staff-unit';
export const RECIPIENT_KINDS: readonly RecipientKind[] = ['applicant', 'staff-unit'];

/** SMS to applicants; staff read theirs in their unit's inbox (this table). */
export type Channel = 'sms' | 'inbox';

/** pending: waiting for its (next) attempt; sent: the provider accepted it; failed: it never will be sent. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/**
 * One message to one recipient, caused by one event (unique per event and recipient, so a redelivered event or
 * a second consumer never sends twice), with the state of its delivery.
 */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind!: RecipientKind;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  template!: TemplateName;

  @Column({ name: 'template_params', type: 'jsonb' })
  templateParams!: Record<string, string>;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId!: string;

  @Column({ type: 'text', nullable: true })
  county!: string | null;

  @Column({ type: 'text', nullable: true })
  town!: string | null;

  @Column({ name: 'correlation_id', type: 'uuid', nullable: true })
  correlationId!: string | null;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  /** Attempts started so far (counted when an attempt is claimed, so a crash mid-attempt still counts). */
  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  provider!: string | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
