import type { Logger } from '@nestjs/common';
import { timeOrderedUuid } from '@oneseal/database';
import type { DataSource } from 'typeorm';
import { BackgroundCheckError, BackgroundCheckErrorCode } from './background-check.errors';
import type { ProgressWatch } from './progress-watch';

export type CheckStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** How often a running check says it is alive, and after how long without a word it counts as left behind. */
const HEARTBEAT_MS = 10_000;
const LEFT_AFTER_SECONDS = 60;
/** Progress is written at most this often (a county's check reports a batch every few milliseconds). */
const PROGRESS_EVERY_MS = 1_000;

export const FAILED_CHECK = '核验中断（审计服务暂时无法读取审计记录），请重新核验';
export const STOPPED_CHECK = '核验未完成（审计服务中途停止），请重新核验';

/**
 * The columns every check's row has, as selected: `left` says it is still marked running but the process running it
 * has not been heard of.
 */
export const CHECK_COLUMNS = `id, requested_by, requested_by_name, started_at, finished_at, status, failure,
  status = 'running' AND heard_at < now() - make_interval(secs => ${LEFT_AFTER_SECONDS}) AS left`;

export interface CheckRow {
  id: string;
  requested_by: string;
  requested_by_name: string;
  started_at: Date;
  finished_at: Date | null;
  status: CheckStatus;
  failure: string | null;
  left: boolean;
}

/** What every check says of itself: who asked, when, whether it still runs, why it stopped. */
export function checkFields(row: CheckRow) {
  return {
    id: row.id,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    status: row.left ? ('interrupted' as const) : row.status,
    failure: row.left ? STOPPED_CHECK : row.failure,
  };
}

/** Columns of a check's row, by name, with the values to write. */
export type Columns = Record<string, unknown>;

/** A check to run in the background and how its row records it. */
export interface TrackedCheck<TProgress, TVerdict> {
  id: string;
  /** What it checks; `what` names it in the log. */
  what: string;
  check: (watch: ProgressWatch<TProgress>) => Promise<TVerdict>;
  progressColumns: (progress: TProgress) => Columns;
  /** Written when it ends: from the verdict when there is one (an interrupted check's counts only what it checked). */
  endColumns: (status: Exclude<CheckStatus, 'running'>, verdict: TVerdict | null) => Columns;
  /** Whether the check got to the end with this verdict: one stopped after its last part is done, not interrupted. */
  complete: (verdict: TVerdict, lastProgress: TProgress | undefined) => boolean;
}

/**
 * Long checks (a county's chains, a million checkpoint heads) run on in the audit service whoever watches, each
 * recorded in a row of `table` (columns id, status, heard_at, finished_at, failure and its own): the auditor may
 * leave the screen and come back to the verdict. A running check writes at least every 10 s; one not heard of for a
 * minute was left by a process that stopped and is listed as interrupted. Stopping the service ends the checks at
 * their next part, recorded as interrupted.
 */
export class BackgroundChecks {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly table: 'audit.verification_runs' | 'audit.checkpoint_checks',
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
  ) {}

  /**
   * Records a new check asked for by `by` (its own columns in `values`), or finds the one already running in its
   * place: `place` is SQL over the table's columns, with its parameters, naming the running checks a unique index
   * lets it not run beside. `started` says which; only a started one is the caller's to run. A check left by a
   * process that stopped no longer holds the place. Refused while the service stops (it would be cut short at once).
   */
  async claim<TRow extends CheckRow>(
    by: { id: string; name: string },
    values: Columns,
    place: { where: string; params: unknown[] },
    ownColumns: string,
  ): Promise<{ row: TRow; started: boolean }> {
    if (this.stopping) throw new BackgroundCheckError(BackgroundCheckErrorCode.SERVICE_STOPPING);
    const columns: Columns = {
      id: timeOrderedUuid(),
      requested_by: by.id,
      requested_by_name: by.name,
      ...values,
    };
    const names = Object.keys(columns);
    for (;;) {
      await this.interruptLeft(place.where, place.params);
      const [started] = (await this.dataSource.query(
        `INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${names.map((_, at) => `$${at + 1}`).join(', ')})
         ON CONFLICT DO NOTHING
         RETURNING ${CHECK_COLUMNS}, ${ownColumns}`,
        names.map((name) => columns[name]),
      )) as TRow[];
      if (started) return { row: started, started: true };
      const [running] = (await this.dataSource.query(
        `SELECT ${CHECK_COLUMNS}, ${ownColumns} FROM ${this.table} WHERE status = 'running' AND ${place.where}`,
        place.params,
      )) as TRow[];
      if (running) return { row: running, started: false };
      // It finished between the insert and this read: the place is free again.
    }
  }

  /** The latest checks matching `where`, newest first, with `ownColumns`. */
  async latest<TRow extends CheckRow>(
    ownColumns: string,
    where: string,
    params: unknown[],
    limit = 20,
  ): Promise<TRow[]> {
    return (await this.dataSource.query(
      `SELECT ${CHECK_COLUMNS}, ${ownColumns} FROM ${this.table} WHERE ${where}
        ORDER BY started_at DESC LIMIT ${limit}`,
      params,
    )) as TRow[];
  }

  /** A check's row with `columns` (its own, besides CHECK_COLUMNS), if there is one. */
  async row<TRow extends CheckRow>(id: string, columns: string): Promise<TRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${CHECK_COLUMNS}, ${columns} FROM ${this.table} WHERE id = $1`,
      [id],
    )) as TRow[];
    return row;
  }

  /** Running checks matching `where` that no process has written for a minute no longer hold their place. */
  private async interruptLeft(where: string, params: unknown[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET status = 'interrupted', finished_at = heard_at, failure = $${params.length + 1}
        WHERE status = 'running' AND heard_at < now() - make_interval(secs => ${LEFT_AFTER_SECONDS}) AND ${where}`,
      [...params, STOPPED_CHECK],
    );
  }

  run<TProgress, TVerdict>(tracked: TrackedCheck<TProgress, TVerdict>): void {
    const { id } = tracked;
    let writtenAt = 0;
    let lastProgress: TProgress | undefined;
    // How far it got as last reported (progress is written at most once a second), then what the end says.
    const end = (status: Exclude<CheckStatus, 'running'>, verdict: TVerdict | null, failure: string | null) =>
      this.write(
        id,
        {
          ...(lastProgress === undefined ? {} : tracked.progressColumns(lastProgress)),
          ...tracked.endColumns(status, verdict),
          status,
          failure,
        },
        'finished_at = now()',
      );
    let checking: Promise<TVerdict>;
    try {
      checking = tracked.check({
        stillWanted: () => !this.stopping,
        onProgress: (progress) => {
          lastProgress = progress;
          if (Date.now() - writtenAt < PROGRESS_EVERY_MS) return;
          writtenAt = Date.now();
          void this.write(id, tracked.progressColumns(progress));
        },
      });
    } catch (error) {
      // One that throws before it gets going ends like one that fails later (and never beats a heartbeat).
      checking = Promise.reject(error);
    }
    const heartbeat = setInterval(() => void this.write(id, {}), HEARTBEAT_MS);
    const checked = checking
      .then(
        (verdict) =>
          this.stopping && !tracked.complete(verdict, lastProgress)
            ? end('interrupted', verdict, STOPPED_CHECK)
            : end('done', verdict, null),
        (error: unknown) => {
          // Stopping, the service also closes what the check reads with: what it held is answered with an error.
          if (this.stopping) return end('interrupted', null, STOPPED_CHECK);
          this.logger.error(
            `${tracked.what} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return end('failed', null, FAILED_CHECK);
        },
      )
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(id);
      });
    this.running.set(id, checked);
  }

  /** Checks still running end at their next part, each recorded as interrupted with how far it got. */
  async stop(): Promise<void> {
    this.stopping = true;
    // A check whose start was already past its refusal when the stop came is waited for as well.
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Writes to a check's row while it is running, saying it is alive; a failed write is logged (a later one, or the
   * end, says more). A check another request found silent for too long was marked interrupted: it stays so.
   */
  private async write(id: string, columns: Columns, alsoSet = ''): Promise<void> {
    const names = Object.keys(columns);
    const sets = ['heard_at = now()', alsoSet, ...names.map((name, at) => `${name} = $${at + 2}`)]
      .filter(Boolean)
      .join(', ');
    try {
      await this.dataSource.query(`UPDATE ${this.table} SET ${sets} WHERE id = $1 AND status = 'running'`, [
        id,
        ...names.map((name) => columns[name]),
      ]);
    } catch (error) {
      this.logger.warn(
        `${this.table} ${id}: not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
