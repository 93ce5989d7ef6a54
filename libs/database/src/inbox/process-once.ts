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
    const params: unknown[] = [];
    const sql = lock
      ? `WITH locked AS (
           SELECT pg_advisory_xact_lock(hashtext($${params.push(lock.space)}), hashtext($${params.push(lock.key)})))
         ${processedEventRecord(schema, consumer, event, params, 'locked')}`
      : processedEventRecord(schema, consumer, event, params);
    const inserted = (await manager.query(sql, params)) as unknown[];
    if (inserted.length === 0) return 'duplicate';
    await effect(manager);
    return 'processed';
  });
}

/**
 * The INSERT that records `event` as processed by `consumer`, its values appended to `params`; it returns the event's
 * id when the event is new, nothing when it was processed before. `from`: a WITH part it must wait for.
 */
export function processedEventRecord(
  schema: string,
  consumer: string,
  event: { id: string; topic: string },
  params: unknown[],
  from?: string,
): string {
  const add = (value: unknown) => `$${params.push(value)}`;
  return `INSERT INTO "${schema}".processed_events (consumer, event_id, topic)
          SELECT ${add(consumer)}, ${add(event.id)}, ${add(event.topic)}${from ? ` FROM ${from}` : ''}
          ON CONFLICT DO NOTHING RETURNING event_id`;
}
