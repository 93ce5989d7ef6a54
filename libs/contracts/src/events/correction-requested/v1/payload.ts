import { ArrayNotEmpty, IsArray, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';

/** 补正: the applicant is told everything missing at once; the clock stops until it is supplied. */
export class CorrectionRequestedV1 {
  @IsUUID()
  caseId!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  missingMaterials!: string[];

  @IsISO8601({ strict: true })
  requestedAt!: string;

  /** The case ends as 补正不来 if nothing arrives by then (YYYY-MM-DD). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  supplyBy!: string;
}
