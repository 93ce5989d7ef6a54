import type { EventEnvelope, NoticeIssuedV1 } from '@oneseal/contracts';
import { processOnce, type ProcessOutcome } from '@oneseal/database';
import { townUnit } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import { recordMessageRows } from '../notifications/message-rows';
import { noticeIssued } from '../notifications/templates';

export const NOTICE_CONSUMER = 'notification.notices';

/** The towns of a county, by code (SeededPlaceNames in the service). */
export interface CountyTowns {
  townsOf(county: string): string[];
}

/**
 * A 通报 the county issued reaches every town it is addressed to (各乡（镇）人民政府): one message in each town
 * leader's inbox (单位消息), once per event and town however often the event comes.
 */
export class NoticeMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly towns: CountyTowns,
  ) {}

  async issued(event: EventEnvelope<NoticeIssuedV1>, topic: string): Promise<ProcessOutcome> {
    const { payload } = event;
    const message = noticeIssued({
      issuerName: payload.issuerName,
      title: payload.title,
      number: payload.number,
    });
    // Inbox messages only: delivered as recorded, nothing for the delivery poller.
    return processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      NOTICE_CONSUMER,
      { id: event.id, topic },
      (manager) =>
        recordMessageRows(
          manager,
          event,
          this.towns.townsOf(payload.county).map((town) => ({
            subjectId: payload.documentId,
            recipientKind: 'staff-unit' as const,
            recipient: townUnit.approval(town),
            channel: 'inbox' as const,
            message,
            sourceEventId: event.id,
          })),
        ),
    );
  }
}
