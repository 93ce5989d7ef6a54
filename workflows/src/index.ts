// The workflow bundle's entry: workflow functions only. Their inputs, updates, queries and refusals are contracts
// (libs/contracts/src/workflows), which clients import from @oneseal/contracts.
export { caseHandlingWorkflow } from './case-handling/case-handling.workflow';
export { bareStepsWorkflow, bareDecideSignal, type BareStepActivities } from './bench/bare-steps.workflow';
