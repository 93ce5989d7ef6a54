import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationChannel, DeliveryMethod } from '@oneseal/contracts';
import type { SubmittedMaterial } from '@oneseal/domain';

@Entity({ name: 'applications' })
export class Application {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 6 })
  county!: string;

  @Column({ type: 'char', length: 9 })
  town!: string;

  @Column({ name: 'village_code', type: 'char', length: 12, nullable: true })
  villageCode!: string | null;

  @Column({ name: 'matter_code', type: 'text' })
  matterCode!: string;

  /** Null only for applications recorded before the catalogue existed. */
  @Column({ name: 'matter_name', type: 'text', nullable: true })
  matterName!: string | null;

  @Column({ name: 'matter_version', type: 'int', nullable: true })
  matterVersion!: number | null;

  @Column({ type: 'text' })
  channel!: ApplicationChannel;

  @Column({ name: 'applicant_name', type: 'text' })
  applicantName!: string;

  /** Set by clients that retry: the same key (per county) always answers with the same case. */
  @Column({ name: 'applicant_id_number', type: 'text', nullable: true })
  applicantIdNumber!: string | null;

  @Column({ name: 'applicant_phone', type: 'text', nullable: true })
  applicantPhone!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  materials!: SubmittedMaterial[] | null;

  @Column({ name: 'delivery_method', type: 'text', nullable: true })
  deliveryMethod!: DeliveryMethod | null;

  @Column({ name: 'delivery_address', type: 'text', nullable: true })
  deliveryAddress!: string | null;

  @Column({ name: 'receipt_number', type: 'text', nullable: true })
  receiptNumber!: string | null;

  /** 查询码 on the receipt: the applicant's key to follow the case (null for applications filed before it). */
  @Column({ name: 'progress_query_code', type: 'text', nullable: true })
  progressQueryCode!: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** What was submitted, so a retry with the same key but different content can be told apart. */
  @Column({ name: 'request_fingerprint', type: 'text' })
  requestFingerprint!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  /** The clerk or village agent who filed it (their account id and name from the token). */
  @Column({ name: 'filed_by', type: 'text', nullable: true })
  filedBy!: string | null;

  @Column({ name: 'filed_by_name', type: 'text', nullable: true })
  filedByName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
