import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCanActOnTask, type AuthUser } from '@oneseal/auth';
import { DataSource } from 'typeorm';
import { ReviewTask } from './review-task.entity';
import { TaskError, TaskErrorCode } from './tasks.errors';
import { inboxViewOf, locationOf, TasksInScope, type InboxTask } from './tasks-in-scope';

/**
 * The task a person is about to work on, checked in the order a clerk would want to hear about it: it exists and
 * is theirs to see, it is still open, their role and unit take it, and nobody else has claimed it.
 */
export async function taskToActOn(tasks: TasksInScope, user: AuthUser, taskId: string): Promise<ReviewTask> {
  const task = await tasks.visible(user, taskId);
  if (task.status === 'done') throw new TaskError(TaskErrorCode.TASK_ALREADY_DECIDED);
  if (task.status === 'cancelled') throw new TaskError(TaskErrorCode.CASE_ALREADY_DECIDED);
  assertCanActOnTask(user, locationOf(task));
  if (task.claimedBy && task.claimedBy !== user.id) throw claimedByOther(task);
  return task;
}

const claimedByOther = (task: ReviewTask) =>
  new TaskError(TaskErrorCode.TASK_CLAIMED_BY_OTHER, undefined, {
    claimedBy: task.claimedByName ?? task.claimedBy,
    claimedAt: task.claimedAt?.toISOString(),
  });

/**
 * 签收 and 退回待办池: a claim keeps two clerks of one unit from working the same case. Both are single
 * conditional UPDATEs, so of two people claiming at once exactly one wins and the other is told who did.
 */
@Injectable()
export class TaskClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksInScope,
  ) {}

  async claim(user: AuthUser, taskId: string): Promise<InboxTask> {
    await taskToActOn(this.tasks, user, taskId);
    const [rows] = (await this.dataSource.query(
      `UPDATE approval.review_tasks SET claimed_by = $2, claimed_by_name = $3, claimed_at = now()
        WHERE id = $1 AND status = 'open' AND (claimed_by IS NULL OR claimed_by = $2)
        RETURNING id`,
      [taskId, user.id, user.name],
    )) as [{ id: string }[], number];
    const task = await this.reload(taskId);
    if (rows.length === 0) {
      // Lost a race: someone claimed it, or it was decided, between the check and the update.
      if (task.status !== 'open') throw new TaskError(TaskErrorCode.TASK_ALREADY_DECIDED);
      throw claimedByOther(task);
    }
    return inboxViewOf(user, task);
  }

  async release(user: AuthUser, taskId: string): Promise<InboxTask> {
    await this.tasks.visible(user, taskId);
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
