import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthError,
  AuthErrorCode,
  canActOnTask,
  canSeeTask,
  taskScopesOf,
  type AuthUser,
  type TaskLocation,
} from '@oneseal/auth';
import type { CaseStage, CaseStatus, RoutePlan, RouteStep } from '@oneseal/contracts';
import { villageOfStation } from '@oneseal/domain';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { RoutedCase } from '../cases/routed-case.entity';
import { queryCaseStatus } from './case-refusals';
import { CaseError, CaseErrorCode } from './case.errors';

/** What a person may do to a case outside its tasks. */
export const CASE_ACTIONS = [
  'view',
  'read-personal-data',
  'supply-correction',
  'withdraw',
  'suspend',
  'resume',
  'extend',
  'retry-stalled-step',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type LocatedStep = TaskLocation & { stepName: string };

/** Where a case is handled: its town, the village station it came through, and the steps it has reached. */
export interface CasePlace {
  county: string;
  town: string;
  /** The village whose station handles it, when the route passes through one. */
  village?: string;
  /** Every step the case has reached (decided, open, or open when the case ended), located as its task was. */
  reached: LocatedStep[];
  /** The step whose task is open now. */
  open?: LocatedStep;
  /** The route's 决定 step: its organ approves an extension and issues the 延期告知书. */
  deciding?: LocatedStep;
}

const has = (user: AuthUser, role: AuthUser['roles'][number]) => user.roles.includes(role);

/**
 * The applicant deals with the window that took the case (or the village agent who filed it): they bring the 补正
 * and ask to withdraw there. Clock decisions belong to the organ whose notice it is: a special procedure to the
 * town's leader or the county officer holding the open step, an extension to the deciding organ (the town's leader,
 * or an officer of the deciding bureau). Everyone who saw a step of the case, works in its town or watches its county may
 * look at it; the applicant's full ID number and phone only those who work the case with them: the town's window,
 * reviewer and leader, and the county bureau the case reached.
 */
export function mayOnCase(user: AuthUser, action: CaseAction, place: CasePlace): boolean {
  if (user.county !== place.county) return false;
  const inTown = user.town === place.town;
  const agentOfVillage = has(user, 'village-agent') && !!place.village && user.village === place.village;
  switch (action) {
    case 'view':
      return (
        place.reached.some((step) => canSeeTask(user, step)) ||
        taskScopesOf(user).some(
          (scope) =>
            scope.kind === 'county-read-only' ||
            (scope.kind === 'town' && scope.town === place.town) ||
            (scope.kind === 'village' && scope.village === place.village),
        )
      );
    case 'read-personal-data':
      return (
        (inTown && (has(user, 'town-window') || has(user, 'town-reviewer') || has(user, 'town-leader'))) ||
        (has(user, 'county-officer') &&
          place.reached.some((step) => step.level === 'county' && step.unitCode === user.unitCode))
      );
    case 'supply-correction':
    case 'withdraw':
      return (has(user, 'town-window') && inTown) || agentOfVillage;
    // The organ whose act it is, and whose seal is on the notice: a special procedure is the organ's at the open
    // step (the town's leader, or the bureau officer who holds it); an extension the deciding organ's.
    case 'suspend':
    case 'resume':
      return place.open?.level === 'county'
        ? has(user, 'county-officer') && canActOnTask(user, place.open)
        : has(user, 'town-leader') && inTown;
    // The county's administrator, who works with the platform's operators on what stalled a case (its data).
    case 'retry-stalled-step':
      return has(user, 'admin');
    case 'extend':
      if (!place.open) return false;
      return place.deciding?.level === 'county'
        ? has(user, 'county-officer') && user.unitCode === place.deciding.unitCode
        : has(user, 'town-leader') && inTown;
  }
}

/** The place of a case from its route (as routed) and its workflow's status (which steps it has reached). */
/** A step of the route located as its task is (town, village, level, unit). */
const locatedIn =
  ({ county, town }: Pick<RoutedCase, 'county' | 'town'>) =>
  (step: Pick<RouteStep, 'kind' | 'level' | 'unitCode'>): LocatedStep => ({
    county,
    town,
    villageCode: step.level === 'village' ? (villageOfStation(step.unitCode) ?? null) : null,
    level: step.level,
    unitCode: step.unitCode,
    stepName: step.kind,
  });

/** The village whose station the route passes through, if any. */
const villageOfRoute = (steps: RoutePlan['steps']) =>
  steps.map((step) => (step.level === 'village' ? villageOfStation(step.unitCode) : undefined)).find(Boolean);

export function placeOf(
  routed: Pick<RoutedCase, 'county' | 'town' | 'route'>,
  status: CaseStatus,
): CasePlace {
  const { county, town } = routed;
  const locate = locatedIn(routed);
  const steps: RoutePlan['steps'] = routed.route?.steps ?? [];
  const current = status.stage === 'concluded' ? undefined : status.currentStep;
  const decided = status.history.flatMap((record) =>
    steps[record.index] ? [locate(steps[record.index])] : [],
  );
  // A unit whose task went away unanswered (撤件, 补正不来) keeps seeing the case it had in its inbox.
  const reached = status.endedDuring ? [...decided, locate(status.endedDuring)] : decided;
  const open = current ? locate(current) : undefined;
  const decidingStep = steps.find((step) => step.kind === '决定');
  return {
    county,
    town,
    village: villageOfRoute(steps),
    reached: open ? [...reached, open] : reached,
    open,
    ...(decidingStep ? { deciding: locate(decidingStep) } : {}),
  };
}

/**
 * An ended case whose workflow history is gone: the steps its read model recorded as reached (the units whose
 * inbox it was in), and no open step.
 */
export function placeOfEndedCase(
  routed: Pick<RoutedCase, 'county' | 'town' | 'route' | 'reachedUnits'>,
): CasePlace {
  const steps: RoutePlan['steps'] = routed.route?.steps ?? [];
  const reached = steps.filter((step) => routed.reachedUnits.includes(step.unitCode)).map(locatedIn(routed));
  return { county: routed.county, town: routed.town, village: villageOfRoute(steps), reached };
}

/** Everything a person may do to a case, for a screen to offer (and for intake, which keeps the application). */
export type CaseAllowance = Record<CaseAction, boolean>;

/** GET /cases/:id/access: the allowance and the case's stage as its workflow answers it. */
export type CaseAccessAnswer = CaseAllowance & {
  stage: CaseStage;
  /** While a 补正 is awaited: what it asks for (pages may be filed under these names as well as the guide's). */
  correctionMaterials?: string[];
};

export function allowanceOn(user: AuthUser, place: CasePlace): CaseAllowance {
  return Object.fromEntries(
    CASE_ACTIONS.map((action) => [action, mayOnCase(user, action, place)]),
  ) as CaseAllowance;
}

/** A case as a person may act on it: its workflow, and its status when they asked. */
export interface CaseInHand {
  handle: WorkflowHandle;
  status: CaseStatus;
  /** What the case's outcome is called (GB/T 39046 type code of its matter). */
  matterTypeCode: string | null;
}

@Injectable()
export class CaseAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /**
   * Refuses with 404 CASE.NOT_FOUND when there is no such case (or it is still being routed), and with 403
   * AUTH.OUT_OF_SCOPE unless the person may do this to it.
   */
  async take(user: AuthUser, action: CaseAction, caseId: string): Promise<CaseInHand> {
    const { handle, status, place, routed } = await this.locate(caseId);
    if (!mayOnCase(user, action, place)) throw new AuthError(AuthErrorCode.OUT_OF_SCOPE, { caseId, action });
    return { handle, status, matterTypeCode: routed.matterTypeCode };
  }

  /**
   * What the person may do to the case, with where it stands (intake decides from it when a page was added): 404
   * when there is no such case, never an error for what they may not. Once Temporal has let the case's history go
   * (long after it ended) the case is read from the record: who may still see it, and nothing left to do.
   */
  async allowance(user: AuthUser, caseId: string): Promise<CaseAccessAnswer> {
    try {
      const { status, place } = await this.locate(caseId);
      const correction = status.stage === 'awaiting-correction' ? status.correction : undefined;
      return {
        ...allowanceOn(user, place),
        stage: status.stage,
        ...(correction ? { correctionMaterials: correction.missingMaterials } : {}),
      };
    } catch (error) {
      if (!(error instanceof CaseError) || error.code !== CaseErrorCode.HISTORY_EXPIRED) throw error;
      const place = placeOfEndedCase(await this.routedCase(caseId));
      const readOnly = new Set<CaseAction>(['view', 'read-personal-data']);
      const allowance = Object.fromEntries(
        CASE_ACTIONS.map((action) => [action, readOnly.has(action) && mayOnCase(user, action, place)]),
      ) as CaseAllowance;
      return { ...allowance, stage: 'concluded' };
    }
  }

  private async routedCase(caseId: string): Promise<RoutedCase> {
    const routed = await this.dataSource.getRepository(RoutedCase).findOne({
      where: { caseId },
      select: {
        caseId: true,
        county: true,
        town: true,
        route: true,
        reachedUnits: true,
        matterTypeCode: true,
      },
    });
    if (!routed) throw new CaseError(CaseErrorCode.NOT_FOUND);
    return routed;
  }

  private async locate(caseId: string) {
    const routed = await this.routedCase(caseId);
    const handle = this.temporal.workflow.getHandle(caseId);
    const status = await queryCaseStatus(handle);
    return { handle, status, routed, place: placeOf(routed, status) };
  }
}
