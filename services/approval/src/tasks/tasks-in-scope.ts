import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  actScopesOf,
  AuthError,
  AuthErrorCode,
  canActOnTask,
  canSeeTask,
  taskScopesOf,
  type ActScope,
  type AuthUser,
  type TaskLocation,
  type TaskScope,
} from '@oneseal/auth';
import { clashingStep, outcomesOf, stepRoleOf, type StepKind, type StepOutcome } from '@oneseal/contracts';
import { villageOfStation, villageStation } from '@oneseal/domain';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { ReviewTask, type ReviewTaskStatus } from './review-task.entity';
import { TaskError, TaskErrorCode } from './tasks.errors';

export type LocatedTask = TaskLocation & { stepName: string };

/** Where a task lies, as the scope rules read it (a village task's village from its station). */
export function locationOf(
  task: Pick<ReviewTask, 'county' | 'town' | 'level' | 'unitCode' | 'stepName'>,
): LocatedTask {
  return {
    county: task.county,
    town: task.town,
    villageCode: task.level === 'village' ? (villageOfStation(task.unitCode) ?? null) : null,
    level: task.level,
    unitCode: task.unitCode,
    stepName: task.stepName,
  };
}

/**
 * A task as one person's inbox shows it: what they may do with it is decided here, not in the browser (`canAct`:
 * open, not held by someone else, and their role and unit take it).
 */
export interface InboxTask extends ReviewTask {
  canAct: boolean;
  claimedByMe: boolean;
  /** What the step offers, in its own words (受理 / 不予受理 / 补正 at 受理, 准予 / 不予 / 退回 at 决定…). */
  outcomes: { outcome: StepOutcome; label: string }[];
  /** The step of this case the person took that keeps them from this one (审批分离); absent when none. */
  separatedFrom?: StepKind;
}

/** The steps of one case a person has taken, as 审批分离 weighs them. */
export type StepsTaken = readonly { kind: StepKind; handlerId: string }[];

export function inboxViewOf(user: AuthUser, task: ReviewTask, taken: StepsTaken = []): InboxTask {
  const free = task.status === 'open' && (!task.claimedBy || task.claimedBy === user.id);
  const separatedFrom =
    task.status === 'open' ? clashingStep(task.stepName as StepKind, user.id, taken) : undefined;
  const role = stepRoleOf(task.stepName as StepKind, task.level);
  return {
    ...task,
    canAct: free && !separatedFrom && canActOnTask(user, locationOf(task)),
    claimedByMe: task.claimedBy === user.id,
    outcomes: role ? outcomesOf(role) : [],
    ...(separatedFrom ? { separatedFrom } : {}),
  };
}

/** 403 APPROVAL.DUTIES_NOT_SEPARATED, naming the step the person took. */
export function dutiesNotSeparated(taken: StepKind, step: string): TaskError {
  return new TaskError(
    TaskErrorCode.DUTIES_NOT_SEPARATED,
    `您已办理本办件的${taken}环节，按审批分离的要求不能再办理${step}环节，请由其他人员办理`,
    { taken, step },
  );
}

export interface InboxFilter {
  /** 'mine': the tasks the person may act on; 'unit': everything their scope shows (a watcher's only view). */
  view: 'mine' | 'unit';
  status: ReviewTaskStatus;
  /** 办件编号 or its last digits, the applicant's or the matter's name. */
  q?: string;
  page: number;
  pageSize: number;
}

type Condition = { sql: string; params: Record<string, unknown> };

function conditionOf(scope: TaskScope | ActScope, n: number): Condition {
  const county = { [`county${n}`]: scope.county };
  const steps: Condition =
    'stepNames' in scope && scope.stepNames
      ? { sql: ` AND t.step_name IN (:...steps${n})`, params: { [`steps${n}`]: scope.stepNames } }
      : { sql: '', params: {} };
  switch (scope.kind) {
    case 'village':
      return {
        sql: `(t.county = :county${n} AND t.level = 'village' AND t.unit_code = :unit${n}${steps.sql})`,
        params: { ...county, [`unit${n}`]: villageStation(scope.village), ...steps.params },
      };
    case 'town':
      return {
        sql: `(t.county = :county${n} AND t.level = 'town' AND t.town = :town${n}${steps.sql})`,
        params: { ...county, [`town${n}`]: scope.town, ...steps.params },
      };
    case 'county-unit':
      return {
        sql: `(t.county = :county${n} AND t.level = 'county' AND t.unit_code = :unit${n}${steps.sql})`,
        params: { ...county, [`unit${n}`]: scope.unitCode, ...steps.params },
      };
    case 'county-read-only':
      return { sql: `(t.county = :county${n})`, params: county };
  }
}

/** The union of a person's scopes as one WHERE clause; a person without any scope matches nothing. */
function whereScopes(query: SelectQueryBuilder<ReviewTask>, scopes: readonly (TaskScope | ActScope)[]) {
  if (scopes.length === 0) return query.andWhere('FALSE');
  const conditions = scopes.map(conditionOf);
  return query.andWhere(
    `(${conditions.map((condition) => condition.sql).join(' OR ')})`,
    Object.assign({}, ...conditions.map((condition) => condition.params)) as Record<string, unknown>,
  );
}

/**
 * Every read of tasks on behalf of a person goes through here and names the person, so no inbox, list or lookup
 * can forget to apply their scope (a village agent their station, a town role their town, a county officer their
 * bureau, a watcher their county).
 */
@Injectable()
export class TasksInScope {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private tasks() {
    return this.dataSource.getRepository(ReviewTask).createQueryBuilder('t');
  }

  async inbox(user: AuthUser, filter: InboxFilter): Promise<{ total: number; items: InboxTask[] }> {
    const scopes = filter.view === 'mine' ? actScopesOf(user) : taskScopesOf(user);
    const query = whereScopes(this.tasks(), scopes).andWhere('t.status = :status', { status: filter.status });
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      query.andWhere(
        '(t.receipt_number LIKE :like OR t.applicant_name LIKE :like OR t.matter_name LIKE :like)',
        { like },
      );
    }
    query
      // Open work oldest first (the longest waiting is due soonest); finished work newest first.
      .orderBy('t.openedAt', filter.status === 'open' ? 'ASC' : 'DESC')
      .addOrderBy('t.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    // Open tasks are a unit's day of work: counted with the page. Finished ones grow without end: counted apart,
    // where the count reads only the index.
    const countedWithPage = filter.status === 'open';
    const rows = await this.readWithStepsTaken(
      countedWithPage ? query.clone().addSelect('count(*) OVER ()', 'found') : query,
      user,
    );
    const total =
      countedWithPage && rows.length > 0
        ? rows[0].found
        : countedWithPage && filter.page === 1
          ? 0
          : await query.getCount();
    return { total, items: rows.map(({ task, taken }) => inboxViewOf(user, task, taken)) };
  }

  /**
   * The tasks the query selects, each with the steps of its case the person decided (审批分离 weighs them), read in
   * the same statement.
   */
  private async readWithStepsTaken(
    query: SelectQueryBuilder<ReviewTask>,
    user: AuthUser,
  ): Promise<{ task: ReviewTask; taken: StepsTaken; found: number }[]> {
    const { entities, raw } = await query
      .addSelect(
        `ARRAY(SELECT done.step_name FROM approval.review_tasks done
                WHERE done.case_id = t.case_id AND done.handler_id = :takenBy AND done.status = 'done')`,
        'steps_taken',
      )
      .setParameter('takenBy', user.id)
      .getRawAndEntities<{ t_id: string; steps_taken: StepKind[]; found?: string }>();
    const rowOf = new Map(raw.map((row) => [row.t_id, row]));
    return entities.map((task) => {
      const row = rowOf.get(task.id);
      return {
        task,
        taken: (row?.steps_taken ?? []).map((kind) => ({ kind, handlerId: user.id })),
        found: Number(row?.found ?? 0),
      };
    });
  }

  /** The tasks of one case the person may see, in the order they were opened. */
  async ofCase(user: AuthUser, caseId: string): Promise<InboxTask[]> {
    const rows = await this.readWithStepsTaken(
      whereScopes(this.tasks(), taskScopesOf(user))
        .andWhere('t.case_id = :caseId', { caseId })
        .orderBy('t.openedAt', 'ASC')
        .addOrderBy('t.id', 'ASC'),
      user,
    );
    return rows.map(({ task, taken }) => inboxViewOf(user, task, taken));
  }

  /** visible(), with the steps of its case the person decided, in one read. */
  async visibleWithStepsTaken(
    user: AuthUser,
    taskId: string,
  ): Promise<{ task: ReviewTask; taken: StepsTaken }> {
    const [found] = await this.readWithStepsTaken(this.tasks().where('t.id = :taskId', { taskId }), user);
    seenBy(user, taskId, found?.task);
    return found;
  }

  /**
   * One task the person may see: 404 APPROVAL.TASK_NOT_FOUND when there is no such task, 403 AUTH.OUT_OF_SCOPE
   * when it lies outside their scope (a task id reveals nothing of the case behind it).
   */
  async visible(user: AuthUser, taskId: string): Promise<ReviewTask> {
    const task = await this.dataSource.getRepository(ReviewTask).findOneBy({ id: taskId });
    seenBy(user, taskId, task);
    return task;
  }
}

/** Refuses a task that is not there or not in the person's scope (a task id reveals nothing of the case behind it). */
function seenBy(
  user: AuthUser,
  taskId: string,
  task: ReviewTask | null | undefined,
): asserts task is ReviewTask {
  if (!task) throw new TaskError(TaskErrorCode.TASK_NOT_FOUND);
  if (!canSeeTask(user, locationOf(task))) throw new AuthError(AuthErrorCode.OUT_OF_SCOPE, { taskId });
}
