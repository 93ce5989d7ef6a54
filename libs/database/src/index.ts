export * from './data-source-options';
export * from './migrations/run-migrations';
export * from './migrations/messaging-tables';
export * from './migrations/rate-limit-table';
export * from './outbox/outbox-writer';
export * from './outbox/outbox-relay';
export * from './inbox/process-once';
export * from './parameter-free-logger';
