import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RecipientKind = 'applicant' | 'staff-unit';

/** A message OneSeal has recorded for a recipient; delivery channels (SMS, …) read from here. */
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
  template!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The event that caused it: one notification per event and recipient, however often it is delivered. */
  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
