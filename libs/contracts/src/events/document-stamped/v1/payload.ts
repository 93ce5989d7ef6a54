import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { CASE_DOCUMENT_KINDS, type CaseDocumentKind } from '../../../activities/seal-activities';

/** A case's document carries its issuing organ's seal: exactly one stamp per document. */
export class DocumentStampedV1 {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  documentId!: string;

  @IsString()
  @IsNotEmpty()
  sealId!: string;

  @IsUUID()
  stampId!: string;

  /** SM3 digest of the document as stamped, hex. */
  @Matches(/^[0-9a-f]{64}$/)
  documentSm3!: string;

  @IsString()
  @IsNotEmpty()
  verificationCode!: string;

  @IsISO8601({ strict: true })
  stampedAt!: string;

  /** Which document; absent in events of decisions stamped before notices were issued (those are decisions). */
  @IsOptional()
  @IsIn(CASE_DOCUMENT_KINDS)
  kind?: CaseDocumentKind;

  /** The title and 文号 printed on it (受理通知书, 南村便审〔2026〕17号). */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  number?: string;
}
