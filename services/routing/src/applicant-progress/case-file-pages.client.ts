import { askService } from '@oneseal/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProgressError, ProgressErrorCode } from './applicant-progress.errors';

export const INTAKE_URL = Symbol('INTAKE_URL');

/** A page of a case file as intake lists it to the applicant (no content). */
export interface CaseFilePage {
  materialName: string;
  stage: string;
  addedAt: string;
}

/** Asks intake (the case file's home), with the applicant's own token, which pages their case file holds. */
@Injectable()
export class CaseFilePagesClient {
  private readonly logger = new Logger(CaseFilePagesClient.name);

  constructor(@Inject(INTAKE_URL) private readonly intakeUrl: string) {}

  pagesOf(authorization: string, caseId: string): Promise<CaseFilePage[]> {
    return askService<CaseFilePage[]>(
      {
        what: "intake's list of a case file's pages",
        url: `${this.intakeUrl}/applicant/cases/${encodeURIComponent(caseId)}/attachments`,
        authorization,
      },
      {
        refusals: { 404: () => new ProgressError(ProgressErrorCode.NOT_AMONG_MINE) },
        unavailable: () => new ProgressError(ProgressErrorCode.CASE_FILE_UNAVAILABLE),
        logger: this.logger,
      },
    );
  }
}
