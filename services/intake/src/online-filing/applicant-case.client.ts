import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuthError, AuthErrorCode } from '@oneseal/auth';
import { ROUTING_URL } from '../case-files/case-access.client';
import { CaseFileError, CaseFileErrorCode } from '../case-files/case-files.errors';
import { OnlineFilingError, OnlineFilingErrorCode } from './online-filing.errors';

/** What routing tells an applicant about their case that intake needs: whether a 补正 is awaited, and for what. */
export interface ApplicantCaseStanding {
  correction: { missingMaterials: string[]; supplyBy: string } | null;
}

/**
 * Asks routing (the case's home) where an applicant's case stands, with the applicant's own token: routing checks
 * the case is theirs as 我的办件 does.
 */
@Injectable()
export class ApplicantCaseClient {
  private readonly logger = new Logger(ApplicantCaseClient.name);

  constructor(@Inject(ROUTING_URL) private readonly routingUrl: string) {}

  async standing(authorization: string, caseId: string): Promise<ApplicantCaseStanding> {
    let response: Response;
    try {
      response = await fetch(`${this.routingUrl}/applicant/cases/${encodeURIComponent(caseId)}`, {
        headers: { authorization },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      this.logger.warn(
        `routing did not answer an applicant's case: ${error instanceof Error ? error.message : error}`,
      );
      throw new CaseFileError(CaseFileErrorCode.ACCESS_UNAVAILABLE);
    }
    if (response.status === 404) throw new OnlineFilingError(OnlineFilingErrorCode.NOT_AMONG_MINE);
    if (response.status === 401) throw new AuthError(AuthErrorCode.TOKEN_INVALID);
    if (!response.ok) {
      this.logger.warn(`routing answered an applicant's case with HTTP ${response.status}`);
      throw new CaseFileError(CaseFileErrorCode.ACCESS_UNAVAILABLE);
    }
    const { correction } = (await response.json()) as ApplicantCaseStanding;
    return { correction: correction ?? null };
  }
}
