import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
} from 'class-validator';

/** 补正 done: the applicant supplied what was asked; the case's clock runs again from the next working day. */
export class CorrectionSuppliedV1 {
  @IsUUID()
  caseId!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  suppliedMaterials!: string[];

  @IsISO8601({ strict: true })
  suppliedAt!: string;

  /**
   * The committed completion date recomputed with the 补正 interval left out (YYYY-MM-DD); absent when the 补正
   * came before acceptance, when no committed date runs yet.
   */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  committedDueDate?: string;

  @IsBoolean()
  dueDateProvisional!: boolean;
}
