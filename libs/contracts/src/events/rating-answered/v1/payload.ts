import { IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** The town answered an applicant's 差评: what it changed (整改). The applicant is told, and it stays on record. */
export class RatingAnsweredV1 {
  @IsUUID()
  caseId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  measures!: string;

  @IsISO8601({ strict: true })
  answeredAt!: string;
}
