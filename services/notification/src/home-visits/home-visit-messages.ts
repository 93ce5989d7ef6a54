import type { EventEnvelope, HomeVisitRequestedV1, HomeVisitScheduledV1 } from '@oneseal/contracts';
import { processOnce, type ProcessOutcome } from '@oneseal/database';
import { villageStation } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import { awaitsDelivery, recordMessageRows, type MessageRow } from '../notifications/message-rows';
import type { UnitNames } from '../notifications/notification-rules';
import { homeVisitRequested, homeVisitScheduled } from '../notifications/templates';

export const HOME_VISIT_CONSUMER = 'notification.home-visits';

/** 上门服务: the request in the village station's inbox; the day the agent comes, by SMS to the applicant. */
export class HomeVisitMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: UnitNames,
    private readonly onMessagesRecorded: () => void = () => undefined,
  ) {}

  async requested(event: EventEnvelope<HomeVisitRequestedV1>, topic: string): Promise<ProcessOutcome> {
    const { payload } = event;
    const station = villageStation(payload.villageCode);
    return this.once(event, topic, {
      subjectId: payload.visitId,
      recipientKind: 'staff-unit',
      recipient: station,
      channel: 'inbox',
      message: homeVisitRequested({
        kind: payload.kind,
        villageName: this.places.unit(station).replace(/便民服务站$/, ''),
        applicantName: payload.applicantName,
        reason: payload.reason,
        matterName: payload.matterName,
        ...(payload.preferredDate ? { preferredDate: payload.preferredDate } : {}),
      }),
      sourceEventId: event.id,
    });
  }

  async scheduled(event: EventEnvelope<HomeVisitScheduledV1>, topic: string): Promise<ProcessOutcome> {
    const { payload } = event;
    return this.once(event, topic, {
      subjectId: payload.visitId,
      recipientKind: 'applicant',
      recipient: payload.applicantPhone,
      channel: 'sms',
      message: homeVisitScheduled(payload),
      sourceEventId: event.id,
    });
  }

  private async once(
    event: EventEnvelope<object>,
    topic: string,
    message: MessageRow,
  ): Promise<ProcessOutcome> {
    const outcome = await processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      HOME_VISIT_CONSUMER,
      { id: event.id, topic },
      (manager) => recordMessageRows(manager, event, [message]),
    );
    if (outcome === 'processed' && awaitsDelivery([message])) this.onMessagesRecorded();
    return outcome;
  }
}
