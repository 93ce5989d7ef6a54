import type { TopicName } from '../topics';

/**
 * One versioned event: the topic it travels on, its type and version as written in the envelope, and the
 * class that validates its payload at every consumer edge.
 */
export interface EventContract<TPayload extends object> {
  readonly topic: TopicName;
  readonly type: string;
  readonly version: number;
  readonly payloadClass: new () => TPayload;
}

export function defineEventContract<TPayload extends object>(
  contract: EventContract<TPayload>,
): EventContract<TPayload> {
  return contract;
}

/** The payload type carried by a contract. */
export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;
