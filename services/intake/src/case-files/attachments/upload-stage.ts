import type { AttachmentStage } from '@oneseal/contracts';
import { AuthError, AuthErrorCode } from '@oneseal/auth';
import { CaseFileError, CaseFileErrorCode } from '../case-files.errors';

/** Where the case stands and what the uploader may do, as routing answers (null: not routed yet). */
export interface CaseStanding {
  stage: string;
  'supply-correction': boolean;
  correctionMaterials?: string[];
}

/**
 * When a page was added, decided here and not taken from the uploader, so the case file and the audit event say
 * truly whether it came with the filing, as a 补正 or as paper scanned at the window later:
 * - the filer, until the case is accepted: 受理时 (filing);
 * - whoever takes in the case's paper (its window, its village agent) while a 补正 is awaited: 补正时 (correction);
 * - the same people at any other time before the case ends: 窗口扫描 (scan).
 * An ended case takes no more pages; anyone else is refused.
 */
export function uploadStage(isFiler: boolean, standing: CaseStanding | null): AttachmentStage {
  if (standing === null || standing.stage === 'pre-acceptance') {
    if (isFiler) return 'filing';
    if (standing === null) throw new CaseFileError(CaseFileErrorCode.CASE_NOT_FOUND);
  }
  if (standing.stage === 'concluded') throw new CaseFileError(CaseFileErrorCode.CASE_ENDED);
  if (!standing['supply-correction']) throw new AuthError(AuthErrorCode.OUT_OF_SCOPE);
  return standing.stage === 'awaiting-correction' ? 'correction' : 'scan';
}
