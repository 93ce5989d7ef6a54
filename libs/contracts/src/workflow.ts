// What workflow code may import: plain types, constants and Temporal message definitions, nothing that validates
// or does I/O (the event payload classes and their class-validator decorators stay out of the workflow bundle).
// Workflows import `@oneseal/contracts/workflow`; everything else imports `@oneseal/contracts`, which includes this.
export * from './task-queues';
export * from './ids/time-ordered-uuid';
export * from './ids/digest-hex';
export * from './events/shared-fields';
export * from './routes/route-plan';
export * from './activities/approval-activities';
export * from './activities/seal-activities';
export * from './activities/case-activities';
export * from './activities/activity-failures';
export * from './workflows/case-handling';
