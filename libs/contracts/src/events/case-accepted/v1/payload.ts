import {
  IsBoolean,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

/** 受理: the accepting level accepted the case; its committed completion date starts to run. */
export class CaseAcceptedV1 {
  @IsUUID()
  caseId!: string;

  /** 办件编号, unique in the county. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  receiptNumber!: string;

  @IsString()
  @IsNotEmpty()
  matterCode!: string;

  /** The guide version the case is handled under. */
  @IsInt()
  @Min(1)
  matterVersion!: number;

  @IsISO8601({ strict: true })
  acceptedAt!: string;

  /** 承诺办结日期 (YYYY-MM-DD) on the working-day calendar. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  committedDueDate!: string;

  /** True when the due date reaches into a year whose official holidays are not published yet. */
  @IsBoolean()
  dueDateProvisional!: boolean;

  /**
   * 视为受理: nobody accepted it or asked for a 补正 within five working days of receipt, so the law counts it accepted
   * from receipt (行政许可法 art. 32). Absent for a case accepted at the window, and in earlier events.
   */
  @IsOptional()
  @IsBoolean()
  deemedAccepted?: boolean;
}
