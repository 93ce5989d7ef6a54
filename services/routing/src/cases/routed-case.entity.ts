import type { RoutePlan } from '@oneseal/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A case whose workflow routing has started; one row per case, ever. */
@Entity({ name: 'routed_cases' })
export class RoutedCase {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'char', length: 6 })
  county!: string;

  @Column({ type: 'char', length: 9 })
  town!: string;

  @Column({ name: 'matter_code', type: 'text' })
  matterCode!: string;

  @Column({ name: 'receipt_number', type: 'text', nullable: true })
  receiptNumber!: string | null;

  /** GB/T 39046 type code of the matter: what its outcome is called. */
  @Column({ name: 'matter_type_code', type: 'text', nullable: true })
  matterTypeCode!: string | null;

  @Column({ name: 'matter_name', type: 'text', nullable: true })
  matterName!: string | null;

  /** SHA-256 (hex) of the receipt's 查询码; null for cases filed before codes were given. */
  @Column({ name: 'progress_query_sha256', type: 'text', nullable: true })
  progressQuerySha256!: string | null;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ name: 'workflow_run_id', type: 'text' })
  workflowRunId!: string;

  /** What staff find the case by: the applicant's name, and the tails and keyed digests of their ID and phone. */
  @Column({ name: 'applicant_name', type: 'text', nullable: true })
  applicantName!: string | null;

  /** 受理渠道 of the application (null for cases routed before it was kept). */
  @Column({ type: 'text', nullable: true })
  channel!: string | null;

  @Column({ name: 'applicant_id_tail', type: 'text', nullable: true })
  applicantIdTail!: string | null;

  @Column({ name: 'applicant_id_digest', type: 'char', length: 64, nullable: true })
  applicantIdDigest!: string | null;

  @Column({ name: 'applicant_phone_tail', type: 'text', nullable: true })
  applicantPhoneTail!: string | null;

  @Column({ name: 'applicant_phone_digest', type: 'char', length: 64, nullable: true })
  applicantPhoneDigest!: string | null;

  /** The village station the case came through (帮办代办). */
  @Column({ name: 'village_code', type: 'char', length: 12, nullable: true })
  villageCode!: string | null;

  /** The route the case follows, as derived when it was routed. */
  @Column({ type: 'jsonb', nullable: true })
  route!: RoutePlan | null;

  /** The units whose inbox the case has been in (kept by case-steps): who may still see it after it ended. */
  @Column({ name: 'reached_units', type: 'text', array: true, default: () => `'{}'` })
  reachedUnits!: string[];

  @Column({ name: 'routed_at', type: 'timestamptz' })
  routedAt!: Date;
}
