export * from './event-contract';
export * from './shared-fields';
export * from './application-submitted/v1';
export * from './case-routed/v1';
export * from './review-task-opened/v1';
