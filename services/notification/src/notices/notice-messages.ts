import type { EventEnvelope, NoticeIssuedV1 } from '@oneseal/contracts';
import { processOnce, type ProcessOutcome } from '@oneseal/database';
import { townUnit } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import { recordDirectMessage } from '../notifications/direct-messages';
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
    private readonly onMessagesRecorded: () => void = () => undefined,
  ) {}

  async issued(event: EventEnvelope<NoticeIssuedV1>, topic: string): Promise<ProcessOutcome> {
    const { payload } = event;
    const message = noticeIssued({
      issuerName: payload.issuerName,
      title: payload.title,
      number: payload.number,
    });
    const outcome = await processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      NOTICE_CONSUMER,
      { id: event.id, topic },
      async (manager) => {
        for (const town of this.towns.townsOf(payload.county)) {
          await recordDirectMessage(manager, event, {
            subjectId: payload.documentId,
            recipientKind: 'staff-unit',
            recipient: townUnit.approval(town),
            channel: 'inbox',
            message,
            sendAt: new Date(),
            sourceEventId: event.id,
          });
        }
      },
    );
    if (outcome === 'processed') this.onMessagesRecorded();
    return outcome;
  }
}
