import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@oneseal/service-kit';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationView } from './dto/notification.view';
import { NotificationsService, type UnitInboxPage } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
// The town's staff, for their own town's cases, and the county's watchers. A village agent or a county officer
// sees a case's progress in approval, within their own scope, not the town's message log.
@Roles('town-window', 'town-reviewer', 'town-leader', 'seal-keeper', 'supervisor', 'auditor', 'admin')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('inbox')
  // Everyone who works at a unit, village stations and county bureaus included; auditors read the audit log.
  @Roles(
    'village-agent',
    'town-window',
    'town-reviewer',
    'town-leader',
    'seal-keeper',
    'county-officer',
    'supervisor',
    'admin',
  )
  @ApiOperation({ summary: '本单位消息：新待办、时限预警、督办，最新的在前' })
  inbox(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<UnitInboxPage> {
    return this.notifications.unitInbox(user, query.page, query.pageSize);
  }

  @Get()
  @ApiOkResponse({ type: [NotificationView], description: '办件的全部通知及其发送状态' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationView[]> {
    return this.notifications.listForCase(user, query.caseId, query.recipientKind);
  }
}
