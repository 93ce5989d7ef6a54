import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CalendarChange,
  CorrectionSupplied,
  ExtensionRequest,
  ResumptionRequest,
  RetryStalledStepRequest,
  StepDecision,
  SuspensionRequest,
  WithdrawalRequest,
} from './case-requests';
import type { CaseStatus } from './case-status';

/**
 * Updates, not signals: the caller learns at once whether the case took the request (a decision on a task that is
 * not the open one, a withdrawal after the decision, a 补正 nobody asked for… are refused by the validators, with
 * one of CASE_REFUSALS).
 */
export const decideStepUpdate = defineUpdate<{ accepted: true }, [StepDecision]>('decideStep');
export const supplyCorrectionUpdate = defineUpdate<{ accepted: true }, [CorrectionSupplied]>(
  'supplyCorrection',
);
export const withdrawUpdate = defineUpdate<{ accepted: true }, [WithdrawalRequest]>('withdraw');
export const suspendUpdate = defineUpdate<{ accepted: true }, [SuspensionRequest]>('suspend');
export const resumeUpdate = defineUpdate<{ accepted: true }, [ResumptionRequest]>('resume');
export const extendUpdate = defineUpdate<{ accepted: true }, [ExtensionRequest]>('extend');
export const retryStalledStepUpdate = defineUpdate<{ accepted: true }, [RetryStalledStepRequest]>(
  'retryStalledStep',
);

export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');

/**
 * A signal, not an update: routing sends it to every open case of the calendar it changed and nothing can refuse
 * it. The case redoes its dates from the recorded facts and announces the ones that moved.
 */
export const recalculateDeadlinesSignal = defineSignal<[CalendarChange]>('recalculateDeadlines');
