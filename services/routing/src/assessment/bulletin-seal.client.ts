import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IssuedNotice, IssueNoticeRequest } from '@oneseal/contracts';
import { askService } from '@oneseal/service-kit';
import { AssessmentError, AssessmentErrorCode } from './assessment.errors';

export const SEAL_URL = Symbol('SEAL_URL');

/**
 * Asks the seal service, with the administrator's own token, to issue a 通报 under the county administration's seal:
 * the seal service checks who may, numbers, seals and publishes it. The same key answers the same notice.
 */
@Injectable()
export class BulletinSealClient {
  private readonly logger = new Logger(BulletinSealClient.name);

  constructor(@Inject(SEAL_URL) private readonly sealUrl: string) {}

  issue(authorization: string, request: IssueNoticeRequest): Promise<IssuedNotice> {
    return askService<IssuedNotice>(
      {
        what: "the seal service's issuing of a 通报",
        url: `${this.sealUrl}/notices`,
        method: 'POST',
        authorization,
        body: request,
        timeoutMs: 30_000,
      },
      {
        refusals: {
          409: () => new AssessmentError(AssessmentErrorCode.BULLETIN_SEAL_NOT_ACTIVE),
          403: () => new AssessmentError(AssessmentErrorCode.BULLETIN_NOT_YOURS),
        },
        unavailable: () => new AssessmentError(AssessmentErrorCode.BULLETIN_SEAL_UNAVAILABLE),
        logger: this.logger,
      },
    );
  }
}
