import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { InboxQuery, MarkAllReadDto, MarkReadDto } from './dto/inbox.query';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationView } from './dto/notification.view';
import { NotificationsService, type UnitInboxPage } from './notifications.service';

// Everyone who works at a unit, village stations and county bureaus included; auditors read the audit log.
const INBOX_READERS = [
  'village-agent',
  'town-window',
  'town-reviewer',
  'town-leader',
  'seal-keeper',
  'county-officer',
  'supervisor',
  'admin',
] as const;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
// The town's staff, for their own town's cases, and the county's watchers. A village agent or a county officer
// sees a case's progress in approval, within their own scope, not the town's message log.
@Roles('town-window', 'town-reviewer', 'town-leader', 'seal-keeper', 'supervisor', 'auditor', 'admin')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('inbox')
  @Roles(...INBOX_READERS)
  @ApiOperation({ summary: '本单位消息：新待办、时限预警、督办、差评整改，最新的在前；可按类别、只看未读' })
  inbox(@CurrentUser() user: AuthUser, @Query() query: InboxQuery): Promise<UnitInboxPage> {
    return this.notifications.unitInbox(user, query);
  }

  @Post('inbox/read')
  @HttpCode(200)
  @Roles(...INBOX_READERS)
  @ApiOperation({ summary: '把本单位的消息标为已读（仅对本人）' })
  markRead(@CurrentUser() user: AuthUser, @Body() dto: MarkReadDto): Promise<{ marked: number }> {
    return this.notifications.markRead(user, dto.ids);
  }

  @Post('inbox/read-all')
  @HttpCode(200)
  @Roles(...INBOX_READERS)
  @ApiOperation({ summary: '把本单位的未读消息（或某一类）全部标为已读（仅对本人）' })
  markAllRead(@CurrentUser() user: AuthUser, @Body() dto: MarkAllReadDto): Promise<{ marked: number }> {
    return this.notifications.markAllRead(user, dto.before, dto.kind);
  }

  @Get()
  @ApiOkResponse({ type: [NotificationView], description: '办件的全部通知及其发送状态' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationView[]> {
    return this.notifications.listForCase(user, query.caseId, query.recipientKind);
  }
}
