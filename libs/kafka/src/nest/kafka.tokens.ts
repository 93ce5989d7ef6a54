export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
/** One connected kafkajs producer per service, shared by the outbox relay and the dead-letter path. */
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
