// The workflow bundle's entry and the clients' import: workflow functions plus their typed signals,
// queries and inputs (definitions are plain objects; the worker registers only the functions).
export * from './case-handling/case-handling.messages';
export { caseHandlingWorkflow } from './case-handling/case-handling.workflow';
export { bareStepsWorkflow, bareDecideSignal, type BareStepActivities } from './bench/bare-steps.workflow';
