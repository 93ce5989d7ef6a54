import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AdministrativeLevel } from '@oneseal/contracts';

export type ReviewTaskStatus = 'open' | 'done' | 'cancelled';
export type ReviewTaskOutcome = 'approve' | 'return' | 'reject' | 'request-correction';

/** One visit of one step of a case, waiting for (or decided by) a person at a level and unit. */
@Entity({ name: 'review_tasks' })
export class ReviewTask {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** 办件编号, the matter and the applicant: what the inbox shows of the case and finds it by. */
  @Column({ name: 'receipt_number', type: 'text', nullable: true })
  receiptNumber!: string | null;

  @Column({ name: 'matter_name', type: 'text', nullable: true })
  matterName!: string | null;

  @Column({ name: 'applicant_name', type: 'text', nullable: true })
  applicantName!: string | null;

  @Column({ type: 'char', length: 6 })
  county!: string;

  @Column({ type: 'char', length: 9 })
  town!: string;

  @Column({ name: 'step_index', type: 'int' })
  stepIndex!: number;

  @Column({ type: 'int' })
  visit!: number;

  @Column({ name: 'step_name', type: 'text' })
  stepName!: string;

  @Column({ type: 'text' })
  level!: AdministrativeLevel;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ type: 'text' })
  status!: ReviewTaskStatus;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'text', nullable: true })
  outcome!: ReviewTaskOutcome | null;

  @Column({ name: 'handler_id', type: 'text', nullable: true })
  handlerId!: string | null;

  @Column({ name: 'handler_name', type: 'text', nullable: true })
  handlerName!: string | null;

  @Column({ type: 'text', nullable: true })
  opinion!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The step's deadline on the working-day calendar; null while the case's clock is stopped. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'claimed_by_name', type: 'text', nullable: true })
  claimedByName!: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;
}
