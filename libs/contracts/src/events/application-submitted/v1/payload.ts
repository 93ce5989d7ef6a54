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
import { APPLICATION_CHANNELS, type ApplicationChannel } from '../../shared-fields';

/** An applicant (or an agent on their behalf) has handed in an application; nothing is decided yet. */
export class ApplicationSubmittedV1 {
  @IsUUID()
  caseId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  matterCode!: string;

  @IsIn(APPLICATION_CHANNELS)
  channel!: ApplicationChannel;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  applicantName!: string;

  /** Village code (12 digits) when filed through a village station. */
  @IsOptional()
  @Matches(/^\d{12}$/)
  villageCode?: string;

  @IsISO8601({ strict: true })
  submittedAt!: string;
}
