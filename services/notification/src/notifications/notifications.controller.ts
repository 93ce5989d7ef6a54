import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationView } from './dto/notification.view';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
// The town's staff, for their own town's cases, and the county's watchers. A village agent or a county officer
// sees a case's progress in approval, within their own scope, not the town's message log.
@Roles('town-window', 'town-reviewer', 'town-leader', 'seal-keeper', 'supervisor', 'auditor', 'admin')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationView], description: '办件的全部通知及其发送状态' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationView[]> {
    return this.notifications.listForCase(user, query.caseId, query.recipientKind);
  }
}
