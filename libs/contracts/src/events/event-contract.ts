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
  /**
   * Payload fields that are someone's credential (the applicant's 查询码): the consumers that need them read
   * them, and the long-term record (the audit log) keeps them blanked out.
   */
  readonly credentialFields?: readonly string[];
}

export function defineEventContract<TPayload extends object>(
  contract: EventContract<TPayload> & { credentialFields?: readonly (keyof TPayload & string)[] },
): EventContract<TPayload> {
  return contract;
}

/** What a credential reads as on the long-term record. */
export const REDACTED = '[redacted]';

/** The envelope with the contract's credential fields blanked out, for anything that keeps events for good. */
export function withoutCredentials<TEnvelope extends { payload: object }>(
  contract: Pick<EventContract<object>, 'credentialFields'>,
  envelope: TEnvelope,
): TEnvelope {
  const payload = envelope.payload as Record<string, unknown>;
  const fields = (contract.credentialFields ?? []).filter((field) => payload[field] !== undefined);
  if (fields.length === 0) return envelope;
  return {
    ...envelope,
    payload: { ...envelope.payload, ...Object.fromEntries(fields.map((field) => [field, REDACTED])) },
  };
}

/** The payload type carried by a contract. */
export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;
