import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '@oneseal/auth';
import { decideStepUpdate } from '@oneseal/contracts';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import type { Client } from '@temporalio/client';
import { withDecisionRefusals } from './decision-refusals';
import type { DecideTaskDto } from './dto/decide-task.dto';
import { TaskClaimsService } from './task-claims.service';

/**
 * Hands a person's decision to the case's workflow. Who decides comes from their token and must be allowed to act on
 * the task and hold it (TaskClaimsService.hold); the workflow is then the judge of whether the task is the one it
 * waits for (a Temporal update, answered at once), and it records the decision through an activity, so a decision is
 * never recorded without the case moving on, nor the other way round.
 */
@Injectable()
export class TaskDecisionsService {
  constructor(
    private readonly claims: TaskClaimsService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async decide(
    user: AuthUser,
    taskId: string,
    decision: DecideTaskDto,
  ): Promise<{ taskId: string; accepted: true }> {
    // Deciding takes the task first: if a colleague claimed it a moment ago, they keep it.
    const { task } = await this.claims.hold(user, taskId);
    await withDecisionRefusals(() =>
      this.temporal.workflow.getHandle(task.caseId).executeUpdate(decideStepUpdate, {
        args: [{ taskId, ...decision, handlerId: user.id, handlerName: user.name }],
      }),
    );
    return { taskId, accepted: true };
  }
}
