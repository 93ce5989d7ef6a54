import { IsISO8601, IsIn, IsNotEmpty, IsString, IsUUID } from 'class-validator';

/** A message left OneSeal for a recipient over a channel (at most once per event and recipient). */
export class NotificationSentV1 {
  @IsUUID()
  notificationId!: string;

  @IsUUID()
  caseId!: string;

  @IsIn(['applicant', 'staff-unit', 'staff-person'])
  recipientKind!: 'applicant' | 'staff-unit' | 'staff-person';

  @IsIn(['sms', 'inbox', 'email'])
  channel!: 'sms' | 'inbox' | 'email';

  @IsString()
  @IsNotEmpty()
  template!: string;

  @IsISO8601({ strict: true })
  sentAt!: string;
}
