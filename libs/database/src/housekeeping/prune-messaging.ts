import type { DataSource } from 'typeorm';

/** How much one prune statement deletes: small enough that no statement holds many row locks for long. */
const ROWS_PER_STATEMENT = 5_000;

export interface MessagingPruned {
  /** Published outbox rows deleted. */
  outbox: number;
  /** Processed-event records deleted. */
  processedEvents: number;
}

/** How many days each kind of record is kept. */
export interface MessagingKept {
  /** Outbox rows, once published to Kafka. */
  publishedDays: number;
  /** Records of events consumed: a consumer needs them only while Kafka may deliver the event again. */
  consumedDays: number;
}

/**
 * Deletes what a service's messaging tables no longer need: outbox rows published to Kafka and the records of events
 * consumed, each once older than what is kept of it. Without it both grow with every event a service ever sent or
 * took — some 30 rows per case in all. An unpublished row is never deleted, however old. Replicas may prune at the
 * same time: each statement skips the rows another one holds.
 */
export async function pruneMessaging(
  dataSource: DataSource,
  schema: string,
  kept: MessagingKept,
  /** Asked between statements: a stopping service ends its prune there, the rest left for the next one. */
  goOn: () => boolean = () => true,
): Promise<MessagingPruned> {
  const outbox = await deleteInBatches(
    dataSource,
    `DELETE FROM "${schema}".outbox WHERE seq IN (
       SELECT seq FROM "${schema}".outbox
        WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => $1)
        ORDER BY published_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    kept.publishedDays,
    goOn,
  );
  const processedEvents = await deleteInBatches(
    dataSource,
    `DELETE FROM "${schema}".processed_events WHERE (consumer, event_id) IN (
       SELECT consumer, event_id FROM "${schema}".processed_events
        WHERE processed_at < now() - make_interval(days => $1)
        ORDER BY processed_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    kept.consumedDays,
    goOn,
  );
  return { outbox, processedEvents };
}

async function deleteInBatches(
  dataSource: DataSource,
  deletion: string,
  keepDays: number,
  goOn: () => boolean,
): Promise<number> {
  let deleted = 0;
  while (goOn()) {
    const [{ count }] = (await dataSource.query(
      `WITH gone AS (${deletion} RETURNING 1) SELECT count(*)::int AS count FROM gone`,
      [keepDays, ROWS_PER_STATEMENT],
    )) as { count: number }[];
    deleted += count;
    if (count < ROWS_PER_STATEMENT) break;
  }
  return deleted;
}
