import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCanActOnTask, type AuthUser } from '@oneseal/auth';
import { DataSource } from 'typeorm';
import { ReviewTask } from './review-task.entity';
import { TaskError, TaskErrorCode } from './tasks.errors';
import { clashingStep, type StepKind } from '@oneseal/contracts';
import {
  dutiesNotSeparated,
  inboxViewOf,
  locationOf,
  TasksInScope,
  type InboxTask,
  type StepsTaken,
} from './tasks-in-scope';

const claimedByOther = (task: ReviewTask) => {
  const who = task.claimedByName ?? task.claimedBy ?? '他人';
  return new TaskError(TaskErrorCode.TASK_CLAIMED_BY_OTHER, `该待办已由${who}签收办理，请刷新待办列表`, {
    claimedBy: who,
    claimedAt: task.claimedAt?.toISOString(),
  });
};

/** Why a task that is no longer open cannot be worked on. */
function closedError(task: ReviewTask): TaskError {
  return new TaskError(
    task.status === 'cancelled' ? TaskErrorCode.TASK_CANCELLED : TaskErrorCode.TASK_ALREADY_DECIDED,
  );
}

/**
 * The task a person is about to work on, checked in the order a clerk would want to hear about it: it exists and
 * is theirs to see, it is still open, their role and unit take it, and nobody else has claimed it.
 */
export async function taskToActOn(
  tasks: TasksInScope,
  user: AuthUser,
  taskId: string,
): Promise<{ task: ReviewTask; taken: StepsTaken }> {
  const { task, taken } = await tasks.visibleWithStepsTaken(user, taskId);
  if (task.status !== 'open') throw closedError(task);
  assertCanActOnTask(user, locationOf(task));
  if (task.claimedBy && task.claimedBy !== user.id) throw claimedByOther(task);
  // 审批分离: whoever reviewed the case does not claim or decide its decision (the workflow refuses it as well).
  const clash = clashingStep(task.stepName as StepKind, user.id, taken);
  if (clash) throw dutiesNotSeparated(clash, task.stepName);
  return { task, taken };
}

/**
 * 签收 and 退回待办池: a claim keeps two clerks of one unit from working the same case. Both are single
 * conditional UPDATEs, so of two people claiming at once exactly one wins and the other is told who did. A
 * decision claims the task the same way first, so nobody decides a task someone else holds.
 */
@Injectable()
export class TaskClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksInScope,
  ) {}

  async claim(user: AuthUser, taskId: string): Promise<InboxTask> {
    const { task, taken } = await this.hold(user, taskId);
    return inboxViewOf(user, task, taken);
  }

  /** Claims the task for the person (or confirms they hold it) and returns it as it now stands. */
  async hold(user: AuthUser, taskId: string): Promise<{ task: ReviewTask; taken: StepsTaken }> {
    const { task: checked, taken } = await taskToActOn(this.tasks, user, taskId);
    // Two attempts: between the check and the update the task may have been claimed and released again.
    for (let attempt = 0; ; attempt += 1) {
      const [rows] = (await this.dataSource.query(
        `UPDATE approval.review_tasks SET claimed_by = $2, claimed_by_name = $3,
                claimed_at = CASE WHEN claimed_by = $2 THEN claimed_at ELSE now() END
          WHERE id = $1 AND status = 'open' AND (claimed_by IS NULL OR claimed_by = $2)
          RETURNING claimed_at, to_char(due_date, 'YYYY-MM-DD') AS due_date`,
        [taskId, user.id, user.name],
      )) as [{ claimed_at: Date; due_date: string | null }[], number];
      // Held: besides the claim, only the step's 到期日 can have moved since the check (an open task stays open).
      if (rows.length > 0) {
        const [held] = rows;
        const task = {
          ...checked,
          claimedBy: user.id,
          claimedByName: user.name,
          claimedAt: held.claimed_at,
          dueDate: held.due_date,
        };
        return { task, taken };
      }
      const task = await this.reload(taskId);
      if (task.status !== 'open') throw closedError(task);
      if (task.claimedBy || attempt > 0) throw claimedByOther(task);
    }
  }

  async release(user: AuthUser, taskId: string): Promise<InboxTask> {
    const task = await this.tasks.visible(user, taskId);
    if (task.status !== 'open') throw closedError(task);
    const [rows] = (await this.dataSource.query(
      `UPDATE approval.review_tasks SET claimed_by = NULL, claimed_by_name = NULL, claimed_at = NULL
        WHERE id = $1 AND status = 'open' AND claimed_by = $2
        RETURNING id`,
      [taskId, user.id],
    )) as [{ id: string }[], number];
    if (rows.length === 0) throw new TaskError(TaskErrorCode.TASK_NOT_CLAIMED_BY_YOU);
    return inboxViewOf(user, await this.reload(taskId));
  }

  private async reload(taskId: string): Promise<ReviewTask> {
    return this.dataSource.getRepository(ReviewTask).findOneByOrFail({ id: taskId });
  }
}
