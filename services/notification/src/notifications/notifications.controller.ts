import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationView } from './dto/notification.view';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationView], description: '办件的全部通知及其发送状态' })
  list(@Query() query: ListNotificationsQuery): Promise<NotificationView[]> {
    return this.notifications.listForCase(query.caseId, query.recipientKind);
  }
}
