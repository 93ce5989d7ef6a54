import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { isReportablePeriod, PlaceQuery } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { PeopleWorkloadQuery } from './dto/people-workload.query';
import { TaskHoldersQuery } from './dto/task-holders.query';
import { peopleWorkload, type PersonWorkload } from './people-workload';
import { TaskSupervisionError, TaskSupervisionErrorCode } from './supervision.errors';
import { openTaskBreakdown, type OpenTaskGroup } from './open-task-breakdown';
import { taskHolders, type TaskHolder } from './task-holders';

/** 电子监察 of the work in hand: the county's watchers see every town, a town's leader their own town. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
@Roles('supervisor', 'auditor', 'admin', 'town-leader')
export class TaskSupervisionController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('holders')
  @ApiOperation({ summary: '这些办件当前环节由谁办理（已签收的人员，未签收为空）' })
  holders(@CurrentUser() user: AuthUser, @Query() query: TaskHoldersQuery): Promise<TaskHolder[]> {
    assertReachesPlace(user, query);
    return taskHolders(this.dataSource, query, query.caseIds);
  }

  @Get('people')
  @ApiOperation({ summary: '人员办理情况：期间内办理的环节数、按时率，当前在手和超期件数' })
  people(@CurrentUser() user: AuthUser, @Query() query: PeopleWorkloadQuery): Promise<PersonWorkload[]> {
    assertReachesPlace(user, query);
    if (!isReportablePeriod(query)) throw new TaskSupervisionError(TaskSupervisionErrorCode.PERIOD_INVALID);
    return peopleWorkload(this.dataSource, query);
  }

  @Get('open-tasks')
  @ApiOperation({ summary: '在办待办按环节和人员汇总：超期、今日到期、计时中止，超期多的在前' })
  openTasks(@CurrentUser() user: AuthUser, @Query() place: PlaceQuery): Promise<OpenTaskGroup[]> {
    assertReachesPlace(user, place);
    return openTaskBreakdown(this.dataSource, place);
  }
}
