import {
  IsISO8601,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { SPECIAL_PROCEDURES, type SpecialProcedure } from '../../shared-fields';

/** 特别程序: a special procedure (公示, 入户调查, 听证 …) stops the case's clock until it ends. */
export class CaseSuspendedV1 {
  @IsUUID()
  caseId!: string;

  @IsIn(SPECIAL_PROCEDURES)
  procedure!: SpecialProcedure;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @IsString()
  @IsNotEmpty()
  handlerId!: string;

  @IsISO8601({ strict: true })
  suspendedAt!: string;

  /** How many working days the procedure is expected to take (行政许可法 art. 45); absent in earlier events. */
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedWorkingDays?: number;
}
