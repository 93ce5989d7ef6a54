import { IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/**
 * A step of the case failed on data no retry can fix (a value the database cannot store, a record that breaks a
 * rule): the case waits, flagged for attention, until someone who can fix the data asks it to try again.
 */
export class CaseStalledV1 {
  @IsUUID()
  caseId!: string;

  /** The activity that failed, e.g. openReviewTask. */
  @Matches(/^[A-Za-z]{1,64}$/)
  activity!: string;

  /** A stable code of the failure (the database's SQLSTATE when it refused the value). */
  @Matches(/^[A-Z0-9_.]{1,64}$/)
  code!: string;

  /** What went wrong, in words an operator reads. */
  @IsString()
  @MaxLength(500)
  message!: string;

  @IsISO8601({ strict: true })
  stalledAt!: string;
}
