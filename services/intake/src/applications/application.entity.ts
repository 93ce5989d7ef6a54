import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationChannel, DeliveryMethod } from '@oneseal/contracts';
import type { FormData, SubmittedMaterial } from '@oneseal/domain';

/**
 * The 授权委托书 of a filing by someone else (a 帮办代办 agent, or a family member online): when the applicant signed
 * it, what it lets the agent do, and — filed online — how the agent is related to the applicant.
 */
export interface AgentAuthorisation {
  signedOn: string;
  scope: string;
  relationship?: string;
}

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

  /** Keyed digest of the ID number (lookupDigest): how an applicant's cases are found. */
  @Column({ name: 'applicant_id_digest', type: 'char', length: 64, nullable: true })
  applicantIdDigest!: string | null;

  @Column({ name: 'applicant_phone', type: 'text', nullable: true })
  applicantPhone!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  materials!: SubmittedMaterial[] | null;

  /** The 申请表 as filled in, checked against the form of the guide version `matterVersion`. */
  @Column({ name: 'form_data', type: 'jsonb', nullable: true })
  formData!: FormData | null;

  /** Present when someone applies on the applicant's behalf (帮办代办, or a family member with a 委托书). */
  @Column({ type: 'jsonb', nullable: true })
  authorisation!: AgentAuthorisation | null;

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

  /** Filed online: the keyed digest of the mobile number the filer signed in with (never the number). */
  @Column({ name: 'online_filer_digest', type: 'char', length: 64, nullable: true })
  onlineFilerDigest!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
