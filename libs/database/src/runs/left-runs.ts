import { timeOrderedUuid } from '../ids/time-ordered-uuid';

/** What a long run's table needs: `id`, `status` ('running' while it goes on), `runner` (uuid) and `heard_at`. */
export interface LeftRunsTable {
  /** Schema-qualified, e.g. `routing.calendar_recalculations`. */
  table: string;
  /** A running row not heard of for this long was left by a process that stopped. */
  leftAfterSeconds: number;
  /** The columns to answer for each row taken up. */
  returning: string;
  /** More to set on a row as it is taken up (e.g. counting how often it was). */
  alsoSet?: string;
  /** Runs this process still holds (on a slow step, say): never taken from itself. */
  held?: Iterable<string>;
  /** Only the left runs this SQL condition (over the table's columns) holds for. */
  where?: string;
}

/** A TypeORM data source or query runner. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Takes up the runs a stopped process left (still marked running, not heard of for a while) under a new lease of
 * this process: whoever holds a run writes to it only while its lease is the one on the row, so a process that was
 * only slow finds it has lost the run and stops. Each left run goes to one process; rows another is taking up at the
 * same moment are skipped.
 */
export async function takeUpLeftRuns<TRow>(
  db: Queryable,
  runs: LeftRunsTable,
): Promise<{ lease: string; rows: TRow[] }> {
  const lease = timeOrderedUuid();
  const answer = await db.query(
    `UPDATE ${runs.table} SET runner = $1, heard_at = now()${runs.alsoSet ? `, ${runs.alsoSet}` : ''}
      WHERE id IN (SELECT id FROM ${runs.table}
                    WHERE status = 'running' AND heard_at < now() - make_interval(secs => $2)
                      AND NOT (id = ANY($3::uuid[]))${runs.where ? ` AND (${runs.where})` : ''}
                      FOR UPDATE SKIP LOCKED)
      RETURNING ${runs.returning}`,
    [lease, runs.leftAfterSeconds, [...(runs.held ?? [])]],
  );
  // TypeORM answers an UPDATE with its rows and their count.
  const [rows] = answer as [TRow[], number];
  return { lease, rows };
}
