import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import type { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@Query() query: ListNotificationsQuery): Promise<Notification[]> {
    return this.notifications.listForCase(query.caseId);
  }
}
