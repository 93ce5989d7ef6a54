import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseDocumentKind, NoticeKind } from '@oneseal/contracts';

/**
 * A document as issued and stamped — a case's, or a notice a county organ issued outside any case — kept so it can be
 * served, printed and checked again.
 */
@Entity({ name: 'documents' })
export class StampedDocument {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'decision_id', type: 'text' })
  decisionId!: string;

  /** null on a notice outside any case. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'char', length: 6 })
  county!: string;

  /** null on a county organ's notice. */
  @Column({ type: 'char', length: 9, nullable: true })
  town!: string | null;

  /** Whose seal it carries: the town's code or a bureau's (140525-mz). */
  @Column({ type: 'text' })
  organ!: string;

  /** Decisions stamped before notices were issued say 'proof' or 'certificate' where the matter issued one. */
  @Column({ type: 'text' })
  kind!: CaseDocumentKind | NoticeKind | 'proof' | 'certificate';

  /** 文号; null on decisions stamped before organs numbered their documents. */
  @Column({ type: 'text', nullable: true })
  number!: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ type: 'text' })
  title!: string;

  /** null when the PDF is kept in the document folder, under its SM3 digest (see document-pdfs). */
  @Column({ type: 'bytea', select: false, nullable: true })
  pdf?: Buffer | null;

  @Column({ type: 'char', length: 64 })
  sm3!: string;

  /** When it was put on the public site (notices are public from the moment they are issued). */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
