import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceOnly } from '@oneseal/auth';
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
    // A real gateway's row keeps no code: the SMS log shows a code was sent, not which.
    const kept = this.sms.name === 'recording' ? message.body : message.body.replace(request.code, '******');
    try {
      const providerMessageId = await this.sms.send({
        notificationId: id,
        recipient: request.phone,
        ...message,
      });
      await this.record(id, request.phone, kept, providerMessageId, null);
      return { sent: true };
    } catch (error) {
      const failure = asDeliveryFailure(error);
      await this.record(id, request.phone, kept, null, `${failure.code}: ${failure.message}`);
      throw new SignInSmsError(SignInSmsErrorCode.NOT_SENT, {
        provider: this.sms.name,
        reason: failure.code,
      });
    }
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
