import {
  IsBoolean,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

/** 延长审批: an approved extension adds working days to the case's limit (it does not stop the clock). */
export class DeadlineExtendedV1 {
  @IsUUID()
  caseId!: string;

  @IsInt()
  @Min(1)
  extraWorkingDays!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @IsString()
  @IsNotEmpty()
  approvedBy!: string;

  @IsISO8601({ strict: true })
  extendedAt!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  committedDueDate!: string;

  @IsBoolean()
  dueDateProvisional!: boolean;
}
