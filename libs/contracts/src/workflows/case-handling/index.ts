export * from './case-requests';
export * from './case-status';
export * from './case-refusals';
export * from './step-outcomes';
export * from './case-handling.messages';
