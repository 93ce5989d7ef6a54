/** Who caused an event: a person acting in a role, or a OneSeal service acting on its own. */
export interface EventActor {
  kind: 'person' | 'service';
  id: string;
  role?: string;
  /** The person's name when they acted, so a replay names them even after their account is gone (absent before). */
  name?: string;
}

/** A person as the actor of an event: their account and, when known, their name. */
export const personActor = (person: { id: string; name?: string | null }): EventActor => ({
  kind: 'person',
  id: person.id,
  ...(person.name ? { name: person.name } : {}),
});

/**
 * The one shape of every event on the bus. `subject` is the case (or other aggregate) the event is about;
 * Kafka keys messages by it so one case's events stay in order on one partition.
 */
export interface EventEnvelope<TPayload> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  subject: string;
  county: string;
  town?: string;
  actor: EventActor;
  correlationId: string;
  causationId?: string;
  payload: TPayload;
}
