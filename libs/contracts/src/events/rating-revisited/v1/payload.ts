import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  SERVICE_EVENTS,
  SERVICE_SCORES,
  type ServiceEvent,
  type ServiceScore,
} from '../../service-rated/v1/payload';

/** How a 回访 reached the applicant. */
export const REVISIT_METHODS = ['phone', 'visit', 'sms'] as const;
export type RevisitMethod = (typeof REVISIT_METHODS)[number];

/** The town went back to the applicant of a 差评 (回访) and asked how they now judge the service (整改后满意度). */
export class RatingRevisitedV1 {
  @IsUUID()
  caseId!: string;

  @IsIn(SERVICE_EVENTS)
  serviceEvent!: ServiceEvent;

  @IsIn(REVISIT_METHODS)
  method!: RevisitMethod;

  /** The applicant's judgement after the 整改, in the same five grades. */
  @IsIn(SERVICE_SCORES)
  scoreAfter!: ServiceScore;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  note?: string;

  @IsISO8601({ strict: true })
  revisitedAt!: string;
}
