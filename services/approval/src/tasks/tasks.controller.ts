import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { CodedErrorFilter } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { DecideTaskDto, TaskIdParam } from './dto/decide-task.dto';
import { ListTasksQuery } from './dto/list-tasks.query';
import { ReviewTask } from './review-task.entity';
import { TaskDecisionsService } from './task-decisions.service';

@ApiTags('tasks')
@Controller('tasks')
@UseFilters(CodedErrorFilter)
export class TasksController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly decisions: TaskDecisionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '一个办件的全部待办（含已办），按打开顺序' })
  list(@Query() query: ListTasksQuery): Promise<ReviewTask[]> {
    return this.dataSource
      .getRepository(ReviewTask)
      .find({ where: { caseId: query.caseId }, order: { openedAt: 'ASC' } });
  }

  @Post(':taskId/decision')
  @HttpCode(202)
  @ApiOperation({ summary: '办理当前环节的待办：通过、退回或不予通过' })
  decide(@Param() params: TaskIdParam, @Body() decision: DecideTaskDto) {
    return this.decisions.decide(params.taskId, decision);
  }
}
