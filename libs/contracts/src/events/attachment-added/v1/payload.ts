import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

/** When a page was attached: with the application, with a 补正, or scanned from paper by staff later. */
export const ATTACHMENT_STAGES = ['filing', 'correction', 'scan'] as const;
export type AttachmentStage = (typeof ATTACHMENT_STAGES)[number];

/** The file types a case file keeps, recognised by their content (not by their name). */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/ofd',
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/**
 * A scan, photo or PDF was added to a case file and bound to the guide material it satisfies. Its SHA-256 on the
 * case's record proves later that the file shown is the file received.
 */
export class AttachmentAddedV1 {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  attachmentId!: string;

  /** The material of the guide (or 授权委托书) the file is a page of. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  materialName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fileName!: string;

  @IsIn(ATTACHMENT_CONTENT_TYPES)
  contentType!: AttachmentContentType;

  @IsInt()
  @Min(1)
  sizeBytes!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsIn(ATTACHMENT_STAGES)
  stage!: AttachmentStage;

  @IsString()
  @IsNotEmpty()
  addedBy!: string;

  @IsOptional()
  @IsString()
  addedByName?: string;

  @IsISO8601({ strict: true })
  addedAt!: string;
}
