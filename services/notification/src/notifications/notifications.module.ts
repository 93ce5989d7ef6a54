import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReviewTaskOpenedConsumer } from './review-task-opened.consumer';

@Module({
  controllers: [NotificationsController, ReviewTaskOpenedConsumer],
  providers: [NotificationsService],
})
export class NotificationsModule {}
