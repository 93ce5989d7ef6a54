import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, SESSION_CHECK, tokenExpiresAt, type AuthUser, type SessionCheck } from '@oneseal/auth';
import { DecideTaskDto, TaskIdParam } from './dto/decide-task.dto';
import type { Observable } from 'rxjs';
import { InboxChangesQuery, InboxQuery, ListTasksQuery } from './dto/list-tasks.query';
import { InboxChanges, inboxStream, type InboxStreamEvent } from './inbox-changes';
import { TaskClaimsService } from './task-claims.service';
import { TaskDecisionsService } from './task-decisions.service';
import { TasksInScope, type InboxTask } from './tasks-in-scope';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksInScope,
    private readonly claims: TaskClaimsService,
    private readonly decisions: TaskDecisionsService,
    private readonly changes: InboxChanges,
    @Inject(SESSION_CHECK) private readonly sessions: SessionCheck,
  ) {}

  @Get('inbox')
  @ApiOperation({
    summary: '我的待办：本人岗位和单位可办理的待办（村站、本镇、本部门），最早打开的在前',
  })
  inbox(@CurrentUser() user: AuthUser, @Query() query: InboxQuery) {
    return this.tasks.inbox(user, query);
  }

  @Sse('inbox/changes')
  @ApiOperation({
    summary:
      '待办变动推送（text/event-stream）：有新待办、待办被签收或退回、办结或撤销时通知本人，页面据此刷新我的待办',
  })
  inboxChanges(
    @CurrentUser() user: AuthUser,
    @Query() query: InboxChangesQuery,
    @Headers('authorization') authorization: string,
  ): Observable<InboxStreamEvent> {
    // The guard has verified this very token (Bearer …) and its session.
    const token = authorization.slice('Bearer '.length);
    return inboxStream(
      this.changes,
      {
        user,
        expiresAt: tokenExpiresAt(token),
        stillCurrent: () => this.sessions.isCurrent(token, user),
      },
      query.view,
    );
  }

  @Get()
  @ApiOperation({ summary: '一个办件中本人可查看的待办（含已办），按打开顺序' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery): Promise<InboxTask[]> {
    return this.tasks.ofCase(user, query.caseId);
  }

  @Post(':taskId/claim')
  @HttpCode(200)
  @ApiOperation({ summary: '签收待办：签收后同单位的其他人不能再办理' })
  claim(@CurrentUser() user: AuthUser, @Param() params: TaskIdParam): Promise<InboxTask> {
    return this.claims.claim(user, params.taskId);
  }

  @Post(':taskId/release')
  @HttpCode(200)
  @ApiOperation({ summary: '退回待办池：放弃本人的签收' })
  release(@CurrentUser() user: AuthUser, @Param() params: TaskIdParam): Promise<InboxTask> {
    return this.claims.release(user, params.taskId);
  }

  @Post(':taskId/decision')
  @HttpCode(202)
  @ApiOperation({ summary: '办理当前环节的待办：通过、退回、要求补正或不予通过（办理人取自登录凭证）' })
  decide(@CurrentUser() user: AuthUser, @Param() params: TaskIdParam, @Body() decision: DecideTaskDto) {
    return this.decisions.decide(user, params.taskId, decision);
  }
}
