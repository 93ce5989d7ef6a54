import { Logger } from '@nestjs/common';
import { issueServiceToken } from '@oneseal/auth';
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
    let status: number;
    try {
      const response = await fetch(`${this.notificationUrl}/sign-in-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ phone, code }),
        signal: AbortSignal.timeout(15_000),
      });
      status = response.status;
    } catch (error) {
      // Why stays in the log: the applicant is only told to try again.
      this.logger.warn(`sign-in SMS not sent: notification unreachable (${(error as Error).message})`);
      throw new SignInError(SignInErrorCode.SMS_NOT_SENT);
    }
    if (status !== 202) {
      this.logger.warn(`sign-in SMS not sent: notification answered ${status}`);
      throw new SignInError(SignInErrorCode.SMS_NOT_SENT);
    }
  }
}
