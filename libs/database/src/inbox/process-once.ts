import type { DataSource, EntityManager } from 'typeorm';

export type ProcessOutcome = 'processed' | 'duplicate';

/**
 * Runs a consumer's effect and records the event as processed in one transaction, so a redelivered event is
 * recognised and changes nothing, and a crash mid-way leaves no half-applied effect.
 */
export async function processOnce(
  dataSource: DataSource,
  schema: string,
  consumer: string,
  event: { id: string; topic: string },
  effect: (manager: EntityManager) => Promise<void>,
): Promise<ProcessOutcome> {
  return dataSource.transaction(async (manager) => {
    const inserted = (await manager.query(
      `INSERT INTO "${schema}".processed_events (consumer, event_id, topic) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, event.id, event.topic],
    )) as unknown[];
    if (inserted.length === 0) return 'duplicate';
    await effect(manager);
    return 'processed';
  });
}
