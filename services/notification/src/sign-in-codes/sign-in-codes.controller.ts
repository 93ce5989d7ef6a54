import { Body, Controller, HttpCode, Inject, Logger, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceOnly } from '@oneseal/auth';
import { maskPersonalValue } from '@oneseal/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { asDeliveryFailure } from '../delivery/delivery-failure';
import type { NotificationProvider } from '../delivery/notification-provider';
import { signInCode } from '../notifications/templates';
import { SendSignInCodeDto } from './sign-in-code.dto';
import { SignInSmsError, SignInSmsErrorCode } from './sign-in-codes.errors';

export const SIGN_IN_SMS_PROVIDER = Symbol('SIGN_IN_SMS_PROVIDER');

/**
 * Sends an applicant's sign-in code by SMS, at once and only once: identity asks while the applicant waits, and a
 * code that did not go out must fail the request (identity then keeps nothing), not wait for a retry. Only the
 * identity service may ask.
 */
@ApiTags('sign-in codes')
@Controller('sign-in-codes')
export class SignInCodesController {
  private readonly logger = new Logger(SignInCodesController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SIGN_IN_SMS_PROVIDER) private readonly sms: NotificationProvider,
  ) {}

  @Post()
  @HttpCode(202)
  @ServiceOnly({ from: 'identity', to: 'notification' })
  @ApiOperation({ summary: '发送网上办事登录验证码短信（仅身份服务调用）' })
  async send(@Body() request: SendSignInCodeDto): Promise<{ sent: true }> {
    const id = randomUUID();
    const message = signInCode({ code: request.code });
    // The log of a real gateway keeps neither the code nor the whole number: it shows a code went out, and to whom
    // only as far as a clerk answering a phone call needs. The recording provider's row is the "delivery" itself.
    const recording = this.sms.name === 'recording';
    const phone = recording ? request.phone : maskPersonalValue(request.phone);
    const kept = recording ? message.body : message.body.replace(request.code, '******');
    let providerMessageId: string;
    try {
      providerMessageId = await this.sms.send({ notificationId: id, recipient: request.phone, ...message });
    } catch (error) {
      const failure = asDeliveryFailure(error);
      await this.record(id, phone, kept, null, `${failure.code}: ${failure.message}`);
      throw new SignInSmsError(SignInSmsErrorCode.NOT_SENT);
    }
    // Sent: a failure to log it must not tell identity otherwise.
    await this.record(id, phone, kept, providerMessageId, null).catch((error: unknown) =>
      this.logger.warn(`sign-in SMS ${id} sent but not logged: ${String(error)}`),
    );
    return { sent: true };
  }

  private async record(
    id: string,
    phone: string,
    body: string,
    providerMessageId: string | null,
    failure: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification.sign_in_messages (id, phone, body, provider, provider_message_id, failure)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, phone, body, this.sms.name, providerMessageId, failure],
    );
  }
}
