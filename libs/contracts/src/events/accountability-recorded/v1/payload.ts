import { IsArray, IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** What the county records when service is slow or poor: a 约谈 (a formal talk) or 问责 (holding someone to account). */
export const ACCOUNTABILITY_KINDS = ['约谈', '问责'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

/** The county recorded a 约谈 or 问责 of a town's people or units: who, why, and what was decided. On the record. */
export class AccountabilityRecordedV1 {
  @IsUUID()
  recordId!: string;

  @IsIn(ACCOUNTABILITY_KINDS)
  kind!: AccountabilityKind;

  @Matches(/^\d{9}$/)
  town!: string;

  /** Who was talked to or held to account (a person by name and post, or a unit). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  subject!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  decision!: string;

  /** 办件编号 of the cases it is about, if any. */
  @IsArray()
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { each: true })
  caseNumbers!: string[];

  @IsISO8601({ strict: true })
  recordedAt!: string;
}
