import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SERVICE_EVENTS, type ServiceEvent } from '../../service-rated/v1/payload';

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

  /** Which rating of the case (absent: the whole case's, as before ratings had events). */
  @IsOptional()
  @IsIn(SERVICE_EVENTS)
  serviceEvent?: ServiceEvent;
}
