import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListTasksQuery } from './dto/list-tasks.query';
import { ReviewTask } from './review-task.entity';

/** The tasks of one case, in the order they were opened. The per-person inbox with roles builds on this. */
@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  list(@Query() query: ListTasksQuery): Promise<ReviewTask[]> {
    return this.dataSource
      .getRepository(ReviewTask)
      .find({ where: { caseId: query.caseId }, order: { openedAt: 'ASC' } });
  }
}
