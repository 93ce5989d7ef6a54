import type { Logger } from '@nestjs/common';
import { takeUpLeftRuns, timeOrderedUuid } from '@oneseal/database';
import type { DataSource } from 'typeorm';
import { BackgroundCheckError, BackgroundCheckErrorCode } from './background-check.errors';
import type { ProgressWatch } from './progress-watch';
import { leftChecksCounter, type LeftCheckOutcome } from './left-checks-metric';

export type CheckStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** How often a running check says it is alive, and after how long without a word it counts as left behind. */
const HEARTBEAT_MS = 10_000;
const LEFT_AFTER_SECONDS = 60;
/** Progress is written at most this often (a county's check reports a batch every few milliseconds). */
const PROGRESS_EVERY_MS = 1_000;
/** How often a process looks for checks left by one that stopped, to go on with them. */
const SWEEP_MS = 30_000;
/** A check taken up this often after its processes died, dying again without getting further, is given up. */
const MOST_TAKE_UPS = 3;

export const FAILED_CHECK = '核验中断（审计服务暂时无法读取审计记录），请重新核验';
export const STOPPED_CHECK = '核验未完成（审计服务中途停止），请重新核验';
export const GIVEN_UP_CHECK = '核验未完成（审计服务多次在核验中途停止），请重新核验';

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

/**
 * What every check says of itself: who asked, when, whether it still runs, why it stopped. A check left by a process
 * that stopped is still running where the next process `goesOn` with it, and interrupted elsewhere.
 */
export function checkFields(row: CheckRow, goesOn: boolean) {
  const interrupted = row.left && !goesOn;
  return {
    id: row.id,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    status: interrupted ? ('interrupted' as const) : row.status,
    failure: interrupted ? STOPPED_CHECK : row.failure,
  };
}

/** Columns of a check's row, by name, with the values to write. */
export type Columns = Record<string, unknown>;

/**
 * For a table whose checks the next process goes on with when the one running them stops (its rows also have
 * `runner`, the lease of the process holding the check, and `taken_up`).
 */
export interface GoingOn<TRow extends CheckRow> {
  /** The columns (besides CHECK_COLUMNS) `goOn` is given. */
  ownColumns: string;
  /** Goes on with a check left by a process that stopped, under `lease`: from where its row says it got to. */
  goOn: (row: TRow, lease: string) => void;
  /** Set on a check as it is taken up (e.g. its progress back to nothing, for one started again), as SQL. */
  takenUpSet?: string;
  /**
   * The checks no process can go on with (what they checked against went with their request), as SQL over the
   * table's columns: recorded as interrupted once left. Such a check runs without a lease.
   */
  cannotGoOn?: string;
}

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
  /**
   * Whether a report puts the check past the place it would go on from had it been taken up before it: one that gets
   * further is not what stops the processes running it, and its take-ups count afresh. A check whose counts run ahead
   * of that place (counted as they are looked up, its place moving only once a part is whole) says so by its place.
   */
  getsFurther: (progress: TProgress) => boolean;
}

/**
 * Long checks (a county's chains, a million checkpoint heads) run on in the audit service whoever watches, each
 * recorded in a row of `table` (columns id, status, heard_at, finished_at, failure, runner, taken_up and its own): the
 * auditor may leave the screen and come back to the verdict. A running check writes at least every 10 s; one not
 * heard of for a minute was left by a process that stopped, and the next process (or another replica) goes on with it
 * as `goingOn` says. Stopping the service leaves its checks to be taken up at once; one run without a lease (what it
 * checks against went with its request) is recorded as interrupted instead.
 */
export class BackgroundChecks<TRow extends CheckRow = CheckRow> {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private sweeper?: NodeJS.Timeout;
  private sweeping = Promise.resolve();
  private readonly leftChecks = leftChecksCounter();

  constructor(
    private readonly dataSource: DataSource,
    private readonly table: 'audit.verification_runs' | 'audit.checkpoint_checks',
    private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>,
    private readonly goingOn: GoingOn<TRow>,
  ) {}

  /**
   * Goes on with the checks other processes left, now and every half minute. Resolves once the first look is done
   * (one indexed statement; a failed look is logged and tried again at the next).
   */
  takeUpLeftChecks(): Promise<void> {
    if (!this.sweeper) {
      this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
      this.sweeper.unref();
    }
    return this.sweep();
  }

  /**
   * Records a new check asked for by `by` (its own columns in `values`), or finds the one already running in its
   * place: `place` is SQL over the table's columns, with its parameters, naming the running checks a unique index
   * lets it not run beside. `started` says which; only a started one is the caller's to run. A check left by a
   * process that stopped is taken up and joined (even once done, unless `joinsDone` is false: the caller then starts
   * its own in the place it freed); one that cannot go on no longer holds the place. Refused while the service stops
   * (it would be cut short at once).
   */
  async claim(
    by: { id: string; name: string },
    values: Columns,
    place: { where: string; params: unknown[] },
    ownColumns: string,
    { joinsDone = true }: { joinsDone?: boolean } = {},
  ): Promise<{ row: TRow; started: true; lease: string } | { row: TRow; started: false }> {
    if (this.stopping) throw new BackgroundCheckError(BackgroundCheckErrorCode.SERVICE_STOPPING);
    const lease = timeOrderedUuid();
    const columns: Columns = {
      id: timeOrderedUuid(),
      requested_by: by.id,
      requested_by_name: by.name,
      runner: lease,
      ...values,
    };
    const names = Object.keys(columns);
    let swept = false;
    for (;;) {
      const [started] = (await this.dataSource.query(
        `INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${names.map((_, at) => `$${at + 1}`).join(', ')})
         ON CONFLICT DO NOTHING
         RETURNING ${CHECK_COLUMNS}, ${ownColumns}`,
        names.map((name) => columns[name]),
      )) as TRow[];
      if (started) return { row: started, started: true, lease };
      const [running] = (await this.dataSource.query(
        `SELECT ${CHECK_COLUMNS}, ${ownColumns} FROM ${this.table} WHERE status = 'running' AND ${place.where}`,
        place.params,
      )) as TRow[];
      // A check left in the place: taken up (then joined) or, if none can go on with it, recorded as interrupted.
      if (running?.left && !swept) {
        swept = true;
        await this.sweep();
        // Taken up (by this sweep, another already under way, or another replica's): joined, even when it is done
        // before this answer, since it held the place when asked. One that failed or was interrupted frees it.
        const after = await this.row(running.id, ownColumns);
        if (after && ((after.status === 'running' && !after.left) || (after.status === 'done' && joinsDone)))
          return { row: after, started: false };
        continue;
      }
      if (running) return { row: running, started: false };
      // It finished between the insert and this read: the place is free again.
    }
  }

  /** The latest checks matching `where`, newest first, with `ownColumns`. */
  async latest(ownColumns: string, where: string, params: unknown[], limit = 20): Promise<TRow[]> {
    return (await this.dataSource.query(
      `SELECT ${CHECK_COLUMNS}, ${ownColumns} FROM ${this.table} WHERE ${where}
        ORDER BY started_at DESC LIMIT ${limit}`,
      params,
    )) as TRow[];
  }

  /** A check's row with `columns` (its own, besides CHECK_COLUMNS), if there is one. */
  async row(id: string, columns: string): Promise<TRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${CHECK_COLUMNS}, ${columns} FROM ${this.table} WHERE id = $1`,
      [id],
    )) as TRow[];
    return row;
  }

  /** Running checks matching `where` that no process has written for a minute are recorded as interrupted. */
  private async interruptLeft(where: string, params: unknown[]): Promise<number> {
    const [, interrupted] = (await this.dataSource.query(
      `UPDATE ${this.table} SET status = 'interrupted', finished_at = heard_at, failure = $${params.length + 1}
        WHERE status = 'running' AND heard_at < now() - make_interval(secs => ${LEFT_AFTER_SECONDS}) AND ${where}`,
      [...params, STOPPED_CHECK],
    )) as [unknown, number];
    return interrupted;
  }

  private count(outcome: LeftCheckOutcome, checks = 1): void {
    if (checks > 0) this.leftChecks.inc({ table: this.table, outcome }, checks);
  }

  /**
   * Runs a check recorded in its row, under `lease` where the table goes on with left checks: the check writes only
   * while its lease is the row's, and stops at its next part once another process has taken it up.
   */
  run<TProgress, TVerdict>(tracked: TrackedCheck<TProgress, TVerdict>, lease?: string): void {
    const { id } = tracked;
    let writtenAt = 0;
    let lastProgress: TProgress | undefined;
    let held = true;
    // One write after another: a heartbeat or progress landing after the end or the leave would undo it.
    let writes = Promise.resolve();
    const write = (columns: Columns, also: { finished?: boolean; leftNow?: boolean } = {}) =>
      (writes = writes.then(async () => {
        if (!(await this.write(id, lease, columns, also))) held = false;
      }));
    // A check that gets further is not one that stops every process running it: its take-ups count afresh.
    const columnsOf = (progress: TProgress): Columns => ({
      ...tracked.progressColumns(progress),
      ...(lease && tracked.getsFurther(progress) ? { taken_up: 0 } : {}),
    });
    const progressColumns = () => (lastProgress === undefined ? {} : columnsOf(lastProgress));
    // How far it got as last reported (progress is written at most once a second), then what the end says.
    const end = (status: Exclude<CheckStatus, 'running'>, verdict: TVerdict | null, failure: string | null) =>
      write(
        { ...progressColumns(), ...tracked.endColumns(status, verdict), status, failure },
        { finished: true },
      );
    // Stopped before its end where the next process goes on with it: left with how far it got, to be taken up now.
    const leave = () => write(progressColumns(), { leftNow: true });
    const stopped = (verdict: TVerdict | null) => {
      if (!held) return; // another process holds it now
      if (lease) return leave();
      return end('interrupted', verdict, STOPPED_CHECK);
    };
    let checking: Promise<TVerdict>;
    try {
      checking = tracked.check({
        stillWanted: () => !this.stopping && held,
        onProgress: (progress) => {
          lastProgress = progress;
          if (Date.now() - writtenAt < PROGRESS_EVERY_MS) return;
          writtenAt = Date.now();
          void write(columnsOf(progress));
        },
      });
    } catch (error) {
      // One that throws before it gets going ends like one that fails later (and never beats a heartbeat).
      checking = Promise.reject(error);
    }
    const heartbeat = setInterval(() => void write({}), HEARTBEAT_MS);
    const checked = checking
      // No heartbeat after the end: one queued behind the leave would say the check is still held.
      .finally(() => clearInterval(heartbeat))
      .then(
        (verdict) =>
          (this.stopping || !held) && !tracked.complete(verdict, lastProgress)
            ? stopped(verdict)
            : end('done', verdict, null),
        (error: unknown) => {
          // Stopping, the service also closes what the check reads with: what it held is answered with an error.
          if (this.stopping || !held) return stopped(null);
          this.logger.error(
            `${tracked.what} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return end('failed', null, FAILED_CHECK);
        },
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, checked);
  }

  /**
   * Checks still running end at their next part: left to the next process with how far they got where the table goes
   * on with them, otherwise recorded as interrupted.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweeper);
    // A sweep under way gives back what it took up once it sees the stop.
    await this.sweeping;
    // A check whose start was already past its refusal when the stop came is waited for as well.
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** Takes up the checks left by processes that stopped (one sweep at a time). */
  private sweep(): Promise<void> {
    this.sweeping = this.sweeping.then(() => this.takeUp());
    return this.sweeping;
  }

  /**
   * Takes up the checks left by processes that stopped, and gives up one taken up too often. Only a process that died
   * counts as a take-up: a service that stopped left its checks on purpose. Those none can go on with are recorded as
   * interrupted instead.
   */
  private async takeUp(): Promise<void> {
    const { goingOn } = this;
    if (this.stopping) return;
    try {
      if (goingOn.cannotGoOn) this.count('interrupted', await this.interruptLeft(goingOn.cannotGoOn, []));
      const { lease, rows } = await takeUpLeftRuns<TRow & { taken_up: number }>(this.dataSource, {
        table: this.table,
        leftAfterSeconds: LEFT_AFTER_SECONDS,
        returning: `${CHECK_COLUMNS}, taken_up, ${goingOn.ownColumns}`,
        alsoSet: [
          `taken_up = taken_up + CASE WHEN heard_at = '-infinity' THEN 0 ELSE 1 END`,
          ...(goingOn.takenUpSet ? [goingOn.takenUpSet] : []),
        ].join(', '),
        held: this.running.keys(),
        ...(goingOn.cannotGoOn ? { where: `NOT (${goingOn.cannotGoOn})` } : {}),
      });
      if (this.stopping) {
        // Stopped meanwhile: given back to the next process at once (a death already counted is not counted again).
        await this.dataSource.query(
          `UPDATE ${this.table} SET heard_at = '-infinity' WHERE id = ANY($1::uuid[]) AND runner = $2`,
          [rows.map((row) => row.id), lease],
        );
        return;
      }
      for (const row of rows) {
        if (row.taken_up > MOST_TAKE_UPS) {
          this.logger.warn(
            `${this.table} ${row.id}: its process died again after ${MOST_TAKE_UPS} take-ups without it getting further, given up`,
          );
          await this.write(
            row.id,
            lease,
            { status: 'interrupted', failure: GIVEN_UP_CHECK },
            { finished: true },
          );
          this.count('given-up');
          continue;
        }
        this.logger.log(`${this.table} ${row.id}: going on with a check a stopped process left`);
        goingOn.goOn(row, lease);
        this.count('gone-on');
      }
    } catch (error) {
      this.logger.warn(
        `${this.table}: could not look for left checks: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /**
   * Writes to a check's row while it is running (under `lease`, when given), saying it is alive — or, `leftNow`, that
   * it is left for another process to take up at once. A failed write is logged (a later one, or the end, says more).
   * False when the row is no longer this process's to write: it ended, was marked interrupted by another request, or
   * was taken up by another process.
   */
  private async write(
    id: string,
    lease: string | undefined,
    columns: Columns,
    also: { finished?: boolean; leftNow?: boolean } = {},
  ): Promise<boolean> {
    const names = Object.keys(columns);
    const params = [id, ...names.map((name) => columns[name])];
    const sets = [
      also.leftNow ? `heard_at = '-infinity'` : 'heard_at = now()',
      also.finished ? 'finished_at = now()' : '',
      ...names.map((name, at) => `${name} = $${at + 2}`),
    ]
      .filter(Boolean)
      .join(', ');
    const held = lease ? ` AND runner = $${params.push(lease)}` : '';
    try {
      const [, written] = (await this.dataSource.query(
        `UPDATE ${this.table} SET ${sets} WHERE id = $1 AND status = 'running'${held}`,
        params,
      )) as [unknown, number];
      return written > 0;
    } catch (error) {
      this.logger.warn(
        `${this.table} ${id}: not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
      return true;
    }
  }
}
