import type { DataSource, EntityManager } from 'typeorm';

export type ProcessOutcome = 'processed' | 'duplicate';

/** An advisory lock held for the rest of the transaction: two keys, each hashed (hashtext). */
export interface TransactionLock {
  space: string;
  key: string;
}

/**
 * Runs a consumer's effect and records the event as processed in one transaction, so a redelivered event is
 * recognised and changes nothing, and a crash mid-way leaves no half-applied effect. With `lock`, the lock is
 * taken by the same statement that records the event, before it: the effect's statements read what a holder
 * of the lock committed.
 */
export async function processOnce(
  dataSource: DataSource,
  schema: string,
  consumer: string,
  event: { id: string; topic: string },
  effect: (manager: EntityManager) => Promise<void>,
  lock?: TransactionLock,
): Promise<ProcessOutcome> {
  return dataSource.transaction(async (manager) => {
    const inserted = (await manager.query(
      lock
        ? `WITH locked AS (SELECT pg_advisory_xact_lock(hashtext($4), hashtext($5)))
           INSERT INTO "${schema}".processed_events (consumer, event_id, topic) SELECT $1, $2, $3 FROM locked
           ON CONFLICT DO NOTHING RETURNING event_id`
        : `INSERT INTO "${schema}".processed_events (consumer, event_id, topic) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING event_id`,
      lock ? [consumer, event.id, event.topic, lock.space, lock.key] : [consumer, event.id, event.topic],
    )) as unknown[];
    if (inserted.length === 0) return 'duplicate';
    await effect(manager);
    return 'processed';
  });
}
