import type { TemplateName } from '../notifications/templates';

/** What a provider is handed: one message to one recipient. */
export interface OutgoingMessage {
  /** Our id of the message; providers that take a caller reference (Aliyun's OutId) get it. */
  notificationId: string;
  /** A mobile number (SMS) or a unit code (inbox). */
  recipient: string;
  template: TemplateName;
  params: Record<string, string>;
  body: string;
}

/** A way out of OneSeal for a message: an SMS gateway, or recording it where the recipient looks. */
export interface NotificationProvider {
  /** Stored with each message it sent, e.g. `recording`, `aliyun-sms`. */
  readonly name: string;
  /**
   * Resolves with the provider's id of the accepted message. Rejects with a DeliveryFailure saying whether
   * trying again later can help; anything else it throws is treated as retryable.
   */
  send(message: OutgoingMessage): Promise<string>;
}
