import type { RoutePlan, StepKind } from '@oneseal/domain';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface CaseHandlingInput {
  caseId: string;
  county: string;
  town: string;
  matterCode: string;
  correlationId: string;
  /** The route derived when the case was routed; the case follows it even if the catalogue changes later. */
  route: RoutePlan;
}

export type StepOutcome = 'approve' | 'return' | 'reject';

export interface StepDecision {
  taskId: string;
  outcome: StepOutcome;
  handlerId: string;
  opinion: string;
}

export interface CurrentStep {
  index: number;
  visit: number;
  kind: StepKind;
  level: RoutePlan['steps'][number]['level'];
  unitCode: string;
  /** Set while the step's task waits for a decision. */
  taskId?: string;
}

export interface StepRecord extends StepDecision {
  index: number;
  kind: StepKind;
  decidedAt: string;
}

export interface CaseStatus {
  caseId: string;
  stage: 'in-progress' | 'concluded';
  currentStep?: CurrentStep;
  /** 办结 result: approved after the last step, rejected when a step refused. */
  result?: 'approved' | 'rejected';
  history: StepRecord[];
}

/**
 * A person's decision on the case's open step. An update, not a signal: the caller learns at once whether it was
 * taken (a decision on a task that is not the open one, or one already decided, is refused).
 */
export const decideStepUpdate = defineUpdate<{ accepted: true }, [StepDecision]>('decideStep');

export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');
