import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthError,
  AuthErrorCode,
  canActOnTask,
  canSeeTask,
  taskScopesOf,
  type AuthUser,
} from '@oneseal/auth';
import { DataSource } from 'typeorm';
import { ReviewTask } from '../tasks/review-task.entity';
import { TaskError, TaskErrorCode } from '../tasks/tasks.errors';
import { locationOf, type LocatedTask } from '../tasks/tasks-in-scope';

/** What a person may do to a case outside its tasks. */
export type CaseAction = 'view' | 'supply-correction' | 'withdraw' | 'suspend' | 'resume' | 'extend';

/** Where a case is handled, as its tasks show it. */
export interface CasePlace {
  county: string;
  town: string;
  /** The village whose station handles it, when the route passes through one. */
  village?: string;
  tasks: LocatedTask[];
  openTasks: LocatedTask[];
}

const has = (user: AuthUser, role: AuthUser['roles'][number]) => user.roles.includes(role);

/**
 * The applicant deals with the window that took the case (or the village agent who filed it): they bring the
 * 补正 and ask to withdraw there. Clock decisions (特别程序, 延长) belong to the town's leader, or to the county
 * officer who holds the case's open step. Everyone who sees a task of the case, works in its town or watches its
 * county may look at it.
 */
export function mayOnCase(user: AuthUser, action: CaseAction, place: CasePlace): boolean {
  if (user.county !== place.county) return false;
  const inTown = user.town === place.town;
  const agentOfVillage = has(user, 'village-agent') && !!place.village && user.village === place.village;
  switch (action) {
    case 'view':
      return (
        place.tasks.some((task) => canSeeTask(user, task)) ||
        taskScopesOf(user).some(
          (scope) =>
            (scope.kind === 'town' && scope.town === place.town) ||
            (scope.kind === 'village' && scope.village === place.village),
        )
      );
    case 'supply-correction':
    case 'withdraw':
      return (has(user, 'town-window') && inTown) || agentOfVillage;
    case 'suspend':
    case 'resume':
    case 'extend':
      return (
        (has(user, 'town-leader') && inTown) ||
        (has(user, 'county-officer') &&
          place.openTasks.some((task) => task.level === 'county' && canActOnTask(user, task)))
      );
  }
}

@Injectable()
export class CaseAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async placeOf(caseId: string): Promise<CasePlace> {
    const rows = await this.dataSource
      .getRepository(ReviewTask)
      .find({ where: { caseId }, order: { openedAt: 'ASC' } });
    const first = rows[0];
    // A case shows up here with its first task, a second or so after filing; before that there is nothing to act on.
    if (!first) throw new TaskError(TaskErrorCode.CASE_NOT_FOUND);
    const tasks = rows.map(locationOf);
    return {
      county: first.county,
      town: first.town,
      village: tasks.find((task) => task.villageCode)?.villageCode ?? undefined,
      tasks,
      openTasks: rows.filter((row) => row.status === 'open').map(locationOf),
    };
  }

  /** Refuses with 403 AUTH.OUT_OF_SCOPE unless the person may do this to the case. */
  async assertMay(user: AuthUser, action: CaseAction, caseId: string): Promise<void> {
    if (!mayOnCase(user, action, await this.placeOf(caseId)))
      throw new AuthError(AuthErrorCode.OUT_OF_SCOPE, { caseId, action });
  }
}
