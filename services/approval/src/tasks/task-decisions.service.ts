import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import { decideStepUpdate } from '@oneseal/workflows';
import type { Client } from '@temporalio/client';
import { withCaseRefusals } from './case-refusals';
import { DataSource } from 'typeorm';
import type { DecideTaskDto } from './dto/decide-task.dto';
import { ReviewTask } from './review-task.entity';
import { TaskError, TaskErrorCode } from './tasks.errors';

/**
 * Hands a person's decision to the case's workflow. The workflow is the judge of whether the task is the one it
 * waits for (a Temporal update, answered at once), and it records the decision through an activity, so a
 * decision is never recorded without the case moving on, nor the other way round.
 */
@Injectable()
export class TaskDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async decide(taskId: string, decision: DecideTaskDto): Promise<{ taskId: string; accepted: true }> {
    const task = await this.dataSource.getRepository(ReviewTask).findOneBy({ id: taskId });
    if (!task) throw new TaskError(TaskErrorCode.TASK_NOT_FOUND);
    if (task.status === 'done') throw new TaskError(TaskErrorCode.TASK_ALREADY_DECIDED);
    if (task.status === 'cancelled') throw new TaskError(TaskErrorCode.CASE_ALREADY_DECIDED);
    await withCaseRefusals(this.temporal.workflow.getHandle(task.caseId), (handle) =>
      handle.executeUpdate(decideStepUpdate, { args: [{ taskId, ...decision }] }),
    );
    return { taskId, accepted: true };
  }
}
