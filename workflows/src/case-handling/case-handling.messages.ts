import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface CaseHandlingInput {
  caseId: string;
  county: string;
  town: string;
  matterCode: string;
  correlationId: string;
}

export type CaseStage = 'opening-acceptance' | 'awaiting-acceptance' | 'accepted' | 'not-accepted';

export interface CaseStatus {
  caseId: string;
  stage: CaseStage;
  acceptanceTaskId?: string;
}

export interface AcceptanceDecision {
  taskId: string;
  outcome: 'accept' | 'refuse';
  handlerId: string;
  opinion: string;
}

/** The town window's decision on the acceptance task (受理 / 不予受理). */
export const acceptanceDecidedSignal = defineSignal<[AcceptanceDecision]>('acceptanceDecided');

export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');
