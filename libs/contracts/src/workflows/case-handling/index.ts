export * from './case-requests';
export * from './case-status';
export * from './case-refusals';
export * from './case-handling.messages';
