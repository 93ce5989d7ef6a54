import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 用印登记: one line per impression made, and per attempt refused. Append-only. */
@Entity({ name: 'ledger' })
export class LedgerEntry {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  entry!: 'stamped' | 'refused';

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'char', length: 6 })
  county!: string;

  /** The town of the case; null on a county organ's notice, as the case. */
  @Column({ type: 'char', length: 9, nullable: true })
  town!: string | null;

  /** Whose seal: the town's code or a bureau's (140525-mz); null on lines written before (the town's). */
  @Column({ type: 'text', nullable: true })
  organ!: string | null;

  @Column({ name: 'seal_id', type: 'uuid', nullable: true })
  sealId!: string | null;

  @Column({ name: 'case_id', type: 'text', nullable: true })
  caseId!: string | null;

  @Column({ name: 'decision_id', type: 'text' })
  decisionId!: string;

  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId!: string | null;

  @Column({ name: 'stamp_id', type: 'uuid', nullable: true })
  stampId!: string | null;

  @Column({ type: 'text' })
  stamper!: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'reason_code', type: 'text', nullable: true })
  reasonCode!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'receipt_number', type: 'text', nullable: true })
  receiptNumber!: string | null;

  @Column({ name: 'matter_name', type: 'text', nullable: true })
  matterName!: string | null;

  @Column({ name: 'requested_by_name', type: 'text', nullable: true })
  requestedByName!: string | null;
}
