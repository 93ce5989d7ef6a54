import { randomUUID } from 'node:crypto';
import type { SmsTemplateCodes } from '../../config/sms-template-codes';
import { SMS_TEMPLATES, type SmsTemplateName } from '../../notifications/templates';
import { DeliveryFailure } from '../delivery-failure';
import type { NotificationProvider, OutgoingMessage } from '../notification-provider';
import { isRetryableAliyunCode } from './aliyun-error-codes';
import { rpcSignature, rpcTimestamp } from './aliyun-signature';

export interface AliyunSmsConfig {
  /** https://dysmsapi.aliyuncs.com, or a local server speaking the protocol in tests. */
  endpoint: string;
  regionId: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCodes: SmsTemplateCodes;
  timeoutMs: number;
}

interface SendSmsResponse {
  Code?: string;
  Message?: string;
  BizId?: string;
  RequestId?: string;
}

const isSmsTemplate = (template: string): template is SmsTemplateName =>
  (SMS_TEMPLATES as readonly string[]).includes(template);

/** Alibaba Cloud SMS (短信服务), action SendSms of API version 2017-05-25, signed RPC-style. */
export class AliyunSmsProvider implements NotificationProvider {
  readonly name = 'aliyun-sms';

  constructor(
    private readonly config: AliyunSmsConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: OutgoingMessage): Promise<string> {
    if (!isSmsTemplate(message.template)) {
      throw DeliveryFailure.permanent(
        'NOTIFICATION.NOT_AN_SMS_TEMPLATE',
        `template ${message.template} is not sent by SMS`,
      );
    }
    const params: Record<string, string> = {
      AccessKeyId: this.config.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: this.config.regionId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      Timestamp: rpcTimestamp(this.now()),
      Version: '2017-05-25',
      PhoneNumbers: message.recipient,
      SignName: this.config.signName,
      TemplateCode: this.config.templateCodes[message.template],
      TemplateParam: JSON.stringify(message.params),
      // Comes back in delivery receipts, to match them to our message.
      OutId: message.notificationId,
    };
    params.Signature = rpcSignature('POST', params, this.config.accessKeySecret);

    const response = await this.post(new URLSearchParams(params).toString());
    const body = await this.readBody(response);
    // BizId identifies the message in the provider's delivery receipts; it is always there when Code is OK.
    if (body.Code === 'OK') return body.BizId ?? body.RequestId ?? 'accepted';
    const code = body.Code ?? `HTTP_${response.status}`;
    const description = `${body.Message ?? response.statusText} (RequestId ${body.RequestId ?? 'none'})`;
    const retryable = isRetryableAliyunCode(code) || response.status >= 500 || response.status === 429;
    throw new DeliveryFailure(retryable, code, description);
  }

  private async post(form: string): Promise<Response> {
    try {
      return await fetch(this.config.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          accept: 'application/json',
        },
        body: form,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw DeliveryFailure.retryable('NOTIFICATION.SMS_UNREACHABLE', `${this.config.endpoint}: ${reason}`);
    }
  }

  private async readBody(response: Response): Promise<SendSmsResponse> {
    const text = await response.text().catch(() => '');
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed !== null && typeof parsed === 'object' ? (parsed as SendSmsResponse) : {};
    } catch {
      // A proxy's error page, or a cut-off answer: only the HTTP status tells anything.
      return {};
    }
  }
}
