/**
 * Why the case workflow refused an update: the ApplicationFailure type its validator throws. A refused update
 * changes nothing and leaves no trace in the case's history.
 */
export const CASE_REFUSALS = {
  /** The decision names a task that is not the open one (decided already, or never this case's). */
  taskNotCurrent: 'TaskNotCurrent',
  /** A decision while a special procedure stops the case. */
  caseSuspended: 'CaseSuspended',
  /** A decision after the applicant withdrew. */
  caseWithdrawn: 'CaseWithdrawn',
  /** A decision that does not say what the step needs (the 补正 list, the reason for a refusal). */
  decisionIncomplete: 'DecisionIncomplete',
  /** An outcome the step does not offer (a reviewer refusing, a station refusing to accept…). */
  outcomeNotForStep: 'OutcomeNotForStep',
  /** The person took a step of this case that must be kept apart from this one (审核 and 决定). */
  dutiesNotSeparated: 'DutiesNotSeparated',
  noCorrectionPending: 'NoCorrectionPending',
  alreadyDecided: 'CaseAlreadyDecided',
  notSuspendable: 'CaseNotSuspendable',
  notSuspended: 'CaseNotSuspended',
  notExtendable: 'CaseNotExtendable',
  /** An extension that is not a positive number of working days. */
  extensionInvalid: 'ExtensionInvalid',
  /** A retry asked of a case that is not stalled on a failed step. */
  nothingToRetry: 'NothingToRetry',
} as const;

export type CaseRefusal = (typeof CASE_REFUSALS)[keyof typeof CASE_REFUSALS];

/** The refusals a decision on a task can meet: the service that sends decisions maps each of them. */
export const DECISION_REFUSALS = [
  CASE_REFUSALS.taskNotCurrent,
  CASE_REFUSALS.caseSuspended,
  CASE_REFUSALS.caseWithdrawn,
  CASE_REFUSALS.decisionIncomplete,
  CASE_REFUSALS.outcomeNotForStep,
  CASE_REFUSALS.dutiesNotSeparated,
] as const;
export type DecisionRefusal = (typeof DECISION_REFUSALS)[number];

/** The refusals the case's own commands (补正, 撤件, 特别程序, 延长) can meet. */
export const CASE_COMMAND_REFUSALS = [
  CASE_REFUSALS.noCorrectionPending,
  CASE_REFUSALS.alreadyDecided,
  CASE_REFUSALS.notSuspendable,
  CASE_REFUSALS.notSuspended,
  CASE_REFUSALS.notExtendable,
  CASE_REFUSALS.extensionInvalid,
  CASE_REFUSALS.nothingToRetry,
] as const;
export type CaseCommandRefusal = (typeof CASE_COMMAND_REFUSALS)[number];

export const isDecisionRefusal = (type: string | null | undefined): type is DecisionRefusal =>
  (DECISION_REFUSALS as readonly string[]).includes(type ?? '');

export const isCaseCommandRefusal = (type: string | null | undefined): type is CaseCommandRefusal =>
  (CASE_COMMAND_REFUSALS as readonly string[]).includes(type ?? '');
