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

  async pagesOf(authorization: string, caseId: string): Promise<CaseFilePage[]> {
    let response: Response;
    try {
      response = await fetch(`${this.intakeUrl}/applicant/cases/${encodeURIComponent(caseId)}/attachments`, {
        headers: { authorization },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      this.logger.warn(`intake did not list a case file: ${error instanceof Error ? error.message : error}`);
      throw new ProgressError(ProgressErrorCode.CASE_FILE_UNAVAILABLE);
    }
    if (response.status === 404) throw new ProgressError(ProgressErrorCode.NOT_AMONG_MINE);
    if (!response.ok) {
      this.logger.warn(`intake answered a case file's pages with HTTP ${response.status}`);
      throw new ProgressError(ProgressErrorCode.CASE_FILE_UNAVAILABLE);
    }
    return (await response.json()) as CaseFilePage[];
  }
}
