export * from './topics';
export * from './task-queues';
export * from './envelope/event-envelope';
export * from './envelope/event-envelope.dto';
export * from './events';
export * from './validation/contract-violation';
export * from './validation/parse-event';
export * from './activities/approval-activities';
