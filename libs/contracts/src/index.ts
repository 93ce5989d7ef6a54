export * from './workflow';
export * from './topics';
export * from './envelope/event-envelope';
export * from './envelope/event-envelope.dto';
export * from './events';
export * from './validation/contract-violation';
export * from './validation/parse-event';
export * from './canonical/canonical-json';
