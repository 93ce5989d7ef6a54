import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@oneseal/auth';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationView } from './dto/notification.view';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationView], description: '办件的全部通知及其发送状态' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationView[]> {
    return this.notifications.listForCase(user, query.caseId, query.recipientKind);
  }
}
