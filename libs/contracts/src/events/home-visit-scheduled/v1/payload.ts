import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { HOME_VISIT_KINDS, type HomeVisitKind } from '../../home-visit-requested/v1/payload';

/** The village agent set the day they will come; the applicant is told by SMS. */
export class HomeVisitScheduledV1 {
  @IsUUID()
  visitId!: string;

  @IsIn(HOME_VISIT_KINDS)
  kind!: HomeVisitKind;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  visitOn!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matterName!: string;

  /** Who comes (the agent's name, as the applicant will greet them). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  agentName!: string;

  @Matches(/^1\d{10}$/)
  applicantPhone!: string;

  @IsISO8601({ strict: true })
  scheduledAt!: string;
}
