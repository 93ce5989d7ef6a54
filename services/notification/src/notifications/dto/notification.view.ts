import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Channel, DeliveryStatus, Notification, RecipientKind } from '../notification.entity';
import type { TemplateName } from '../templates';

/** A message as staff see it: the applicant's mobile number (138****0000) and 查询码 are masked. */
export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['applicant', 'staff-unit'] }) recipientKind!: RecipientKind;
  @ApiProperty({ description: '单位代码，或打码后的申请人手机号' }) recipient!: string;
  @ApiProperty({ enum: ['sms', 'inbox'] }) channel!: Channel;
  @ApiProperty() template!: TemplateName;
  @ApiProperty({ description: '通知内容' }) body!: string;
  @ApiProperty({ enum: ['pending', 'sent', 'failed'], description: '待发送 / 已发送 / 发送失败' })
  status!: DeliveryStatus;
  @ApiProperty({ description: '已尝试发送次数' }) attempts!: number;
  @ApiPropertyOptional({ nullable: true, description: '最近一次失败的原因' }) lastError!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true }) sentAt!: Date | null;
}

export function maskMobile(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/**
 * The applicant's 查询码 as staff see it in a sent message: only its last group, enough to tell codes apart on the
 * phone, never enough to look the case up or rate it in the applicant's name.
 */
export function maskQueryCode(body: string, code: string | undefined): string {
  if (!code) return body;
  return body.split(code).join(`****-****-${code.slice(-4)}`);
}

export function toView(notification: Notification): NotificationView {
  return {
    id: notification.id,
    caseId: notification.caseId,
    recipientKind: notification.recipientKind,
    recipient:
      notification.recipientKind === 'applicant'
        ? maskMobile(notification.recipient)
        : notification.recipient,
    channel: notification.channel,
    template: notification.template,
    body: maskQueryCode(notification.body, notification.templateParams?.code),
    status: notification.status,
    attempts: notification.attempts,
    lastError: notification.lastError,
    createdAt: notification.createdAt,
    sentAt: notification.sentAt,
  };
}
