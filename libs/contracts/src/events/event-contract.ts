import type { TopicName } from '../topics';

/** The services that publish events; an event's type and topic begin with its producer's name. */
export const EVENT_PRODUCERS = ['intake', 'routing', 'approval', 'seal', 'notification'] as const;
export type ProducingService = (typeof EVENT_PRODUCERS)[number];

/**
 * One versioned event: the topic it travels on, its type and version as written in the envelope, and the
 * class that validates its payload at every consumer edge.
 */
export interface EventContract<TPayload extends object> {
  readonly topic: TopicName;
  /** `<producer>.<event>`, e.g. `routing.case-accepted`. */
  readonly type: string;
  readonly version: number;
  readonly payloadClass: new () => TPayload;
  /**
   * Payload fields that are someone's credential (the applicant's 查询码): the consumers that need them read
   * them, and the long-term record (the audit log) keeps them blanked out.
   */
  readonly credentialFields?: readonly string[];
  /**
   * Payload fields that are an applicant's personal data (the mobile number): kept on the record as sent, shown
   * masked to those who replay the record without working the case (withPersonalDataMasked).
   */
  readonly personalFields?: readonly string[];
  /**
   * The topic and type the same event had before it moved to another producer: consumers still accept them, so
   * nothing published under the old names before an upgrade is lost; producers use the current ones only.
   */
  readonly formerly?: { readonly topic: string; readonly type: string };
}

export function defineEventContract<TPayload extends object>(
  contract: EventContract<TPayload> & {
    credentialFields?: readonly (keyof TPayload & string)[];
    personalFields?: readonly (keyof TPayload & string)[];
  },
): EventContract<TPayload> {
  return contract;
}

/** The service that publishes events of this contract. */
export function producerOf(contract: Pick<EventContract<object>, 'type'>): string {
  return contract.type.split('.')[0];
}

/** Every topic a consumer of this contract reads: the current one, and the former one while it may hold events. */
export function topicsOf(contract: Pick<EventContract<object>, 'topic' | 'formerly'>): string[] {
  return contract.formerly ? [contract.topic, contract.formerly.topic] : [contract.topic];
}

/** The envelope types a consumer of this contract accepts. */
export function typesOf(contract: Pick<EventContract<object>, 'type' | 'formerly'>): string[] {
  return contract.formerly ? [contract.type, contract.formerly.type] : [contract.type];
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

/** A personal value as someone without the need to know sees it: its first three and last four characters. */
export const maskPersonalValue = (value: string) =>
  value.length >= 8 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';

/** The envelope with the contract's personal fields masked, for showing the record to people who audit it. */
export function withPersonalDataMasked<TEnvelope extends { payload: unknown }>(
  contract: Pick<EventContract<object>, 'personalFields'> | undefined,
  envelope: TEnvelope,
): TEnvelope {
  const payload = envelope.payload as Record<string, unknown>;
  const fields = (contract?.personalFields ?? []).filter((field) => typeof payload?.[field] === 'string');
  if (fields.length === 0) return envelope;
  return {
    ...envelope,
    payload: {
      ...payload,
      ...Object.fromEntries(fields.map((field) => [field, maskPersonalValue(payload[field] as string)])),
    },
  };
}

/** The payload type carried by a contract. */
export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;
