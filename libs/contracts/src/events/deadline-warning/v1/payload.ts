import { IsISO8601, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/** 电子监察: a case or one of its steps is near (yellow) or past its committed (red) or statutory limit. */
export class DeadlineWarningV1 {
  @IsUUID()
  caseId!: string;

  @IsIn(['case', 'step'])
  scope!: 'case' | 'step';

  /** The step's name when the warning is about one step. */
  @IsOptional()
  @IsString()
  stepName?: string;

  @IsIn(['yellow', 'red', 'statutory'])
  severity!: 'yellow' | 'red' | 'statutory';

  @IsString()
  @IsNotEmpty()
  unitCode!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @IsISO8601({ strict: true })
  raisedAt!: string;
}
