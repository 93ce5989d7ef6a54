/** Who caused an event: a person acting in a role, or a OneSeal service acting on its own. */
export interface EventActor {
  kind: 'person' | 'service';
  id: string;
  role?: string;
}

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
