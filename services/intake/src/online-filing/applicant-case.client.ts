import { askService } from '@oneseal/service-kit';
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
    const { correction } = await askService<ApplicantCaseStanding>(
      {
        what: "routing's answer about an applicant's case",
        url: `${this.routingUrl}/applicant/cases/${encodeURIComponent(caseId)}`,
        authorization,
      },
      {
        refusals: {
          404: () => new OnlineFilingError(OnlineFilingErrorCode.NOT_AMONG_MINE),
          401: () => new AuthError(AuthErrorCode.TOKEN_INVALID),
        },
        unavailable: () => new CaseFileError(CaseFileErrorCode.ACCESS_UNAVAILABLE),
        logger: this.logger,
      },
    );
    return { correction: correction ?? null };
  }
}
