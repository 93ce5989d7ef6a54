import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseDocumentKind } from '@oneseal/contracts';

/** A case's document as issued and stamped, kept so it can be served, printed and checked again. */
@Entity({ name: 'documents' })
export class StampedDocument {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'decision_id', type: 'text' })
  decisionId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'char', length: 6 })
  county!: string;

  @Column({ type: 'char', length: 9 })
  town!: string;

  /** Whose seal it carries: the town's code or a bureau's (140525-mz). */
  @Column({ type: 'text' })
  organ!: string;

  /** Decisions stamped before notices were issued say 'proof' or 'certificate' where the matter issued one. */
  @Column({ type: 'text' })
  kind!: CaseDocumentKind | 'proof' | 'certificate';

  /** 文号; null on decisions stamped before organs numbered their documents. */
  @Column({ type: 'text', nullable: true })
  number!: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'bytea', select: false })
  pdf?: Buffer;

  @Column({ type: 'char', length: 64 })
  sm3!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
