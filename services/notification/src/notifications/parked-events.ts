import type { EventEnvelope } from '@oneseal/contracts';
import type { EntityManager } from 'typeorm';

export interface ParkedEvent {
  eventId: string;
  topic: string;
  /** As it arrived (already validated against its contract once). */
  envelope: unknown;
}

/** Keeps an event that needs the applicant's contact until the contact arrives. */
export async function parkEvent(
  manager: EntityManager,
  caseId: string,
  topic: string,
  event: EventEnvelope<object>,
): Promise<void> {
  await manager.query(
    `INSERT INTO notification.parked_events (event_id, case_id, topic, envelope) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_id) DO NOTHING`,
    [event.id, caseId, topic, JSON.stringify(event)],
  );
}

/** The case's parked events in the order they arrived, locked until the caller's transaction ends. */
export async function parkedEventsOf(manager: EntityManager, caseId: string): Promise<ParkedEvent[]> {
  const rows = (await manager.query(
    `SELECT event_id, topic, envelope FROM notification.parked_events WHERE case_id = $1
      ORDER BY parked_at, event_id FOR UPDATE`,
    [caseId],
  )) as { event_id: string; topic: string; envelope: unknown }[];
  return rows.map((row) => ({ eventId: row.event_id, topic: row.topic, envelope: row.envelope }));
}

export async function releaseParkedEvent(manager: EntityManager, eventId: string): Promise<void> {
  await manager.query(`DELETE FROM notification.parked_events WHERE event_id = $1`, [eventId]);
}
