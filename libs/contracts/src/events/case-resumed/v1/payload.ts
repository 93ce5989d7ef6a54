import { IsBoolean, IsISO8601, IsIn, IsUUID, Matches } from 'class-validator';
import { SPECIAL_PROCEDURES, type SpecialProcedure } from '../../shared-fields';

/** A special procedure ended; the clock runs again and the due date moves by the working days it took. */
export class CaseResumedV1 {
  @IsUUID()
  caseId!: string;

  @IsIn(SPECIAL_PROCEDURES)
  procedure!: SpecialProcedure;

  @IsISO8601({ strict: true })
  resumedAt!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  committedDueDate!: string;

  @IsBoolean()
  dueDateProvisional!: boolean;
}
