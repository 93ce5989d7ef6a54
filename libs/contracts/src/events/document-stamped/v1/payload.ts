import { IsISO8601, IsNotEmpty, IsString, IsUUID, Matches } from 'class-validator';

/** The result document of a decision carries the town approval seal: exactly one stamp per decision. */
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
}
