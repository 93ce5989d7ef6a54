import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StampRecord } from './stamp-record';

/** The one stamp of a decision's result document. Append-only. */
@Entity({ name: 'stamps' })
export class Stamp {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'decision_id', type: 'text' })
  decisionId!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'seal_id', type: 'uuid' })
  sealId!: string;

  /** null on a county organ's notice, as its town. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'char', length: 6 })
  county!: string;

  @Column({ type: 'char', length: 9, nullable: true })
  town!: string | null;

  @Column({ type: 'text' })
  stamper!: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'stamped_at', type: 'timestamptz' })
  stampedAt!: Date;

  @Column({ name: 'document_sm3', type: 'char', length: 64 })
  documentSm3!: string;

  @Column({ type: 'text' })
  signature!: string;

  @Column({ name: 'verification_code', type: 'text' })
  verificationCode!: string;

  @Column({ type: 'jsonb' })
  record!: StampRecord;
}
