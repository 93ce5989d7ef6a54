import { IsBoolean, IsISO8601, IsIn, IsUUID } from 'class-validator';
import { CASE_RESULTS, type CaseResult } from '../../shared-fields';

/** 办结: the case ended, with its result as the national exchange names them. */
export class CaseConcludedV1 {
  @IsUUID()
  caseId!: string;

  @IsIn(CASE_RESULTS)
  result!: CaseResult;

  @IsISO8601({ strict: true })
  concludedAt!: string;

  /** Whether it ended within its committed limit. */
  @IsBoolean()
  onTime!: boolean;
}
