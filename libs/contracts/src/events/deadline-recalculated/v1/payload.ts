import {
  IsBoolean,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 期限重算: the working-day calendar changed under an open case (a national year loaded, a county's own day), and
 * the dates that moved, before and after. Dates are absent where the case has none yet (before 受理).
 */
export class DeadlineRecalculatedV1 {
  @IsUUID()
  caseId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  change!: string;

  @IsISO8601({ strict: true })
  recalculatedAt!: string;

  @IsOptional()
  @Matches(DATE)
  previousDueDate?: string;

  @IsOptional()
  @Matches(DATE)
  committedDueDate?: string;

  @IsBoolean()
  dueDateProvisional!: boolean;

  @IsOptional()
  @Matches(DATE)
  previousStatutoryDueDate?: string;

  @IsOptional()
  @Matches(DATE)
  statutoryDueDate?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  stepName?: string;

  @IsOptional()
  @Matches(DATE)
  stepDueDate?: string;
}
