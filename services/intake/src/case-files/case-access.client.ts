import { askService } from '@oneseal/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuthError, AuthErrorCode } from '@oneseal/auth';
import { CaseFileError, CaseFileErrorCode } from './case-files.errors';

/** What routing (the case's home) says a person may do with a case; the keys are its CASE_ACTIONS. */
export interface CaseAllowance {
  view: boolean;
  'read-personal-data': boolean;
  'supply-correction': boolean;
  /** Where the case stands (pre-acceptance, in-progress, awaiting-correction, …, concluded). */
  stage: string;
  /** While a 补正 is awaited: the materials it asks for. */
  correctionMaterials?: string[];
}

export const ROUTING_URL = Symbol('ROUTING_URL');

/**
 * Asks routing, with the reader's own token, what they may do with a case: the case access rule has one home
 * (routing), and the application it guards stays here. Nothing is cached: a person moved off a case loses it at once.
 */
@Injectable()
export class CaseAccessClient {
  private readonly logger = new Logger(CaseAccessClient.name);

  constructor(@Inject(ROUTING_URL) private readonly routingUrl: string) {}

  allowance(authorization: string, caseId: string): Promise<CaseAllowance> {
    return askService<CaseAllowance>(
      {
        what: "routing's access check",
        url: `${this.routingUrl}/cases/${encodeURIComponent(caseId)}/access`,
        authorization,
      },
      {
        refusals: {
          404: () => new CaseFileError(CaseFileErrorCode.CASE_NOT_FOUND),
          401: () => new AuthError(AuthErrorCode.TOKEN_INVALID),
          403: () => new AuthError(AuthErrorCode.OUT_OF_SCOPE),
        },
        unavailable: () => new CaseFileError(CaseFileErrorCode.ACCESS_UNAVAILABLE),
        logger: this.logger,
      },
    );
  }

  /** Refuses with 403 AUTH.OUT_OF_SCOPE unless the person may see the case. */
  async assertMayView(authorization: string, caseId: string): Promise<CaseAllowance> {
    const allowance = await this.allowance(authorization, caseId);
    if (!allowance.view) throw new AuthError(AuthErrorCode.OUT_OF_SCOPE, { caseId });
    return allowance;
  }
}
