export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
/** One connected kafkajs producer per service, shared by the outbox relay and the dead-letter path until either renews. */
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
/** Where a consumer edge gets a new producer for its dead letters after a failed send (RenewedProducers). */
export const DEAD_LETTER_PRODUCERS = Symbol('DEAD_LETTER_PRODUCERS');
