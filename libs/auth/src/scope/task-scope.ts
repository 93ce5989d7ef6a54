import type { AdministrativeLevel } from '@oneseal/contracts';
import { AuthError, AuthErrorCode } from '../auth-error';
import type { AuthUser } from '../auth-user';
import { isTownRole, type Role, type TownRole } from '../roles';

/** Where a task (one step of a case) waits: the fields of an approval inbox row. */
export interface TaskLocation {
  county: string;
  town: string;
  /** The village whose service station holds the task; needed for village-level tasks. */
  villageCode?: string | null;
  level: AdministrativeLevel;
  /** The inbox unit: a village station, a town office or a county bureau (e.g. 140525-mz). */
  unitCode: string;
}

/**
 * One part of what a person may see, as a filter an inbox query can carry (novu-style: every query names its
 * scope). A person with several roles has several; they see the union.
 */
export type TaskScope =
  | { kind: 'village'; county: string; village: string }
  | { kind: 'town'; county: string; town: string }
  | { kind: 'county-unit'; county: string; unitCode: string }
  | { kind: 'county-read-only'; county: string };

function scopeOfRole(user: AuthUser, role: Role): TaskScope | undefined {
  if (role === 'village-agent')
    return user.village ? { kind: 'village', county: user.county, village: user.village } : undefined;
  if (isTownRole(role)) return user.town ? { kind: 'town', county: user.county, town: user.town } : undefined;
  if (role === 'county-officer')
    return user.unitCode ? { kind: 'county-unit', county: user.county, unitCode: user.unitCode } : undefined;
  // supervisor, auditor, admin: the whole county, to watch and replay, never to act.
  return { kind: 'county-read-only', county: user.county };
}

export function taskScopesOf(user: AuthUser): TaskScope[] {
  return user.roles.flatMap((role) => scopeOfRole(user, role) ?? []);
}

function scopeCovers(scope: TaskScope, task: TaskLocation): boolean {
  if (scope.county !== task.county) return false;
  switch (scope.kind) {
    case 'village':
      return task.level === 'village' && task.villageCode === scope.village;
    case 'town':
      return task.level === 'town' && task.town === scope.town;
    case 'county-unit':
      return task.level === 'county' && task.unitCode === scope.unitCode;
    case 'county-read-only':
      return true;
  }
}

/**
 * A village agent sees their village station's tasks, a town role their town's, a county officer their bureau's
 * in their county; supervisors, auditors and administrators see the whole county.
 */
export function canSeeTask(user: AuthUser, task: TaskLocation): boolean {
  return taskScopesOf(user).some((scope) => scopeCovers(scope, task));
}

/**
 * Which town role takes which step inside the town's center (前台综合受理、后台分类审批、综合窗口出件). Step names
 * are the route's step kinds (STEP_KINDS in libs/contracts); a step not listed is taken by no town role.
 */
const TOWN_STEPS: Record<TownRole, readonly string[]> = {
  'town-window': ['受理', '送达'],
  'town-reviewer': ['初审', '审核', '复核'],
  'town-leader': ['决定'],
  'seal-keeper': ['用印'],
};

/** The town role that takes a step inside the town's center, if any. */
export function townRoleTaking(stepName: string): TownRole | undefined {
  return (Object.keys(TOWN_STEPS) as TownRole[]).find((role) => TOWN_STEPS[role].includes(stepName));
}

/**
 * Where a person works, as filters an inbox query can carry: a scope they may act in, and inside a town the
 * steps their role takes. Read-only roles have none.
 */
export type ActScope = Exclude<TaskScope, { kind: 'county-read-only' }> & { stepNames?: readonly string[] };

export function actScopesOf(user: AuthUser): ActScope[] {
  return user.roles.flatMap((role): ActScope[] => {
    const scope = scopeOfRole(user, role);
    if (!scope || scope.kind === 'county-read-only') return [];
    return [isTownRole(role) ? { ...scope, stepNames: TOWN_STEPS[role] } : scope];
  });
}

/**
 * Whether the person may claim and decide the task: it is in their scope, they are not read-only, and inside a
 * town their role takes that step (the window accepts and delivers, the reviewer reviews, the leader decides).
 */
export function canActOnTask(user: AuthUser, task: TaskLocation & { stepName: string }): boolean {
  return actScopesOf(user).some(
    (scope) => scopeCovers(scope, task) && (!scope.stepNames || scope.stepNames.includes(task.stepName)),
  );
}

/** For a service about to act: refuses with 403 AUTH.OUT_OF_SCOPE (what is not yours is not shown either). */
export function assertCanActOnTask(user: AuthUser, task: TaskLocation & { stepName: string }): void {
  if (!canActOnTask(user, task)) throw new AuthError(AuthErrorCode.OUT_OF_SCOPE);
}
