export * from './temporal-config';
export * from './temporal-client';
export * from './worker-host';
export * from './managed-worker';
export * from './temporal.module';
export * from './temporal-workers';
export * from './workflow-refusal';
export * from './bad-data-failure';
