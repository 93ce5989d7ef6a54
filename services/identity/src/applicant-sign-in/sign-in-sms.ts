import { Logger } from '@nestjs/common';
import { issueServiceToken } from '@oneseal/auth';
import { askService } from '@oneseal/service-kit';
import { SigningKeys } from '../signing/signing-keys';
import { SignInError, SignInErrorCode } from './sign-in.errors';

export const SIGN_IN_SMS = Symbol('SIGN_IN_SMS');

/** Sends a sign-in code to a phone; rejects with SIGN_IN.SMS_NOT_SENT when it did not go out. */
export interface SignInSms {
  send(phone: string, code: string): Promise<void>;
}

/** Through the notification service's SMS provider, as identity (a service token minted for this one call). */
export class NotificationSignInSms implements SignInSms {
  private readonly logger = new Logger(NotificationSignInSms.name);

  constructor(
    private readonly notificationUrl: string,
    private readonly keys: SigningKeys,
  ) {}

  async send(phone: string, code: string): Promise<void> {
    const { token } = issueServiceToken(
      { service: 'identity', audience: 'notification' },
      this.keys.privateKey,
    );
    // Why it did not go out stays in the log: the applicant is only told to try again.
    await askService<unknown>(
      {
        what: "notification's sign-in SMS",
        url: `${this.notificationUrl}/sign-in-codes`,
        method: 'POST',
        authorization: `Bearer ${token}`,
        body: { phone, code },
        timeoutMs: 15_000,
      },
      { unavailable: () => new SignInError(SignInErrorCode.SMS_NOT_SENT), logger: this.logger },
    );
  }
}
