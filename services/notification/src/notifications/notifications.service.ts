import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope, ReviewTaskOpenedV1 } from '@oneseal/contracts';
import { processOnce, type ProcessOutcome } from '@oneseal/database';
import { DataSource } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import { Notification } from './notification.entity';
import { TEMPLATES } from './templates';

export const TASK_OPENED_CONSUMER = 'notification.review-task-opened';

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Tells the unit that owns a newly opened task about it. */
  notifyTaskOpened(event: EventEnvelope<ReviewTaskOpenedV1>, topic: string): Promise<ProcessOutcome> {
    return processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      TASK_OPENED_CONSUMER,
      { id: event.id, topic },
      async (manager) => {
        await manager.insert(Notification, {
          id: randomUUID(),
          caseId: event.payload.caseId,
          recipientKind: 'staff-unit',
          recipient: event.payload.unitCode,
          template: 'taskOpened',
          body: TEMPLATES.taskOpened(event.payload),
          sourceEventId: event.id,
          createdAt: new Date(),
        });
      },
    );
  }

  listForCase(caseId: string): Promise<Notification[]> {
    return this.dataSource
      .getRepository(Notification)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }
}
