import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

/**
 * Someone was shown an applicant's full personal data (公民身份号码, phone, bank account) in a case file. Every such
 * view is on the case's record, with who looked and which fields they saw; the values themselves never are.
 */
export class PersonalDataViewedV1 {
  @IsUUID()
  caseId!: string;

  /** The person's account id, from their token. */
  @IsString()
  @IsNotEmpty()
  viewerId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  viewerName!: string;

  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  viewerRoles!: string[];

  /** Where the shown values sit: `applicantIdNumber`, `applicantPhone`, `formData.householdMembers[].idNumber` … */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  fields!: string[];

  @IsISO8601({ strict: true })
  viewedAt!: string;
}
