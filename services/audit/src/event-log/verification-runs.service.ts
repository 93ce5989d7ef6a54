import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timeOrderedUuid } from '@oneseal/database';
import { DataSource } from 'typeorm';
import { AuditError, AuditErrorCode } from './place-audit.controller';
import {
  PlaceVerificationService,
  type PlaceProgress,
  type PlaceVerdict,
} from './place-verification.service';

export type VerificationRunStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** A check of a place's chains, as the auditor's list shows it: who asked, how far it is, what it found. */
export interface VerificationRun {
  id: string;
  county: string;
  town: string | null;
  requestedBy: { id: string; name: string };
  startedAt: string;
  finishedAt: string | null;
  status: VerificationRunStatus;
  progress: PlaceProgress;
  /** Once done: the verdict, as GET verification answers it. */
  verdict: PlaceVerdict | null;
  /** Why it stopped, when it failed or was interrupted. */
  failure: string | null;
}

interface RunRow {
  id: string;
  county: string;
  town: string | null;
  requested_by: string;
  requested_by_name: string;
  started_at: Date;
  finished_at: Date | null;
  status: VerificationRunStatus;
  left: boolean;
  streams: number;
  streams_checked: number;
  events: string;
  verdict: PlaceVerdict | null;
  failure: string | null;
}

/** How often a running check says it is alive, and after how long without a word it counts as left behind. */
const HEARTBEAT_MS = 10_000;
const LEFT_AFTER_SECONDS = 60;
/** Progress is written at most this often (a county's check reports a batch every few milliseconds). */
const PROGRESS_EVERY_MS = 1_000;
const LISTED_RUNS = 20;

export const FAILED_CHECK = '核验中断（审计服务暂时无法读取事件），请重新核验';
export const STOPPED_CHECK = '核验未完成（审计服务中途停止），请重新核验';

const COLUMNS = `id, county, town, requested_by, requested_by_name, started_at, finished_at, status,
  streams, streams_checked, events::text AS events, verdict, failure,
  status = 'running' AND heard_at < now() - make_interval(secs => ${LEFT_AFTER_SECONDS}) AS left`;

/**
 * Checks of a town's or the county's chains that run on in the service, whoever watches: a county of a million
 * cases takes minutes, and the auditor may leave the screen and come back to the verdict. One check per place at a
 * time (asking again joins it); a check whose process stopped is listed as interrupted.
 */
@Injectable()
export class VerificationRuns implements OnModuleDestroy {
  private readonly logger = new Logger('VerificationRuns');
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly places: PlaceVerificationService,
  ) {}

  /** Starts a check of the place, or answers the one already running there. */
  async start(
    place: { county: string; town?: string },
    by: { id: string; name: string },
  ): Promise<VerificationRun> {
    // The service is stopping: a check started now would be cut short at once.
    if (this.stopping) throw new AuditError(AuditErrorCode.VERIFICATION_INTERRUPTED);
    const town = place.town ?? null;
    // A check left by a process that stopped no longer holds the place.
    await this.dataSource.query(
      `UPDATE audit.verification_runs SET status = 'interrupted', finished_at = heard_at, failure = $3
        WHERE status = 'running' AND county = $1 AND coalesce(town, '') = coalesce($2::text, '')
          AND heard_at < now() - make_interval(secs => ${LEFT_AFTER_SECONDS})`,
      [place.county, town, STOPPED_CHECK],
    );
    const [started] = (await this.dataSource.query(
      `INSERT INTO audit.verification_runs (id, county, town, requested_by, requested_by_name)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (county, coalesce(town, '')) WHERE status = 'running' DO NOTHING
       RETURNING ${COLUMNS}`,
      [timeOrderedUuid(), place.county, town, by.id, by.name],
    )) as RunRow[];
    if (!started) {
      const [joined] = (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM audit.verification_runs
          WHERE status = 'running' AND county = $1 AND coalesce(town, '') = coalesce($2::text, '')`,
        [place.county, town],
      )) as RunRow[];
      // Finished between the insert and this read: start again.
      return joined ? runOf(joined) : this.start(place, by);
    }
    this.run(started.id, place);
    return runOf(started);
  }

  async find(id: string): Promise<VerificationRun | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit.verification_runs WHERE id = $1`,
      [id],
    )) as RunRow[];
    return row ? runOf(row) : undefined;
  }

  /** The latest checks of a county (or of one town), newest first. */
  async list(place: { county: string; town?: string }): Promise<VerificationRun[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit.verification_runs
        WHERE county = $1 ${place.town ? 'AND town = $2' : ''}
        ORDER BY started_at DESC LIMIT ${LISTED_RUNS}`,
      place.town ? [place.county, place.town] : [place.county],
    )) as RunRow[];
    return rows.map(runOf);
  }

  /** Checks still running end at their next batch, each recorded as interrupted with how far it got. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.running.values());
  }

  private run(id: string, place: { county: string; town?: string }): void {
    const heartbeat = setInterval(() => void this.write(id, `heard_at = now()`, []), HEARTBEAT_MS);
    let progressWritten = 0;
    let checkedSoFar = 0;
    const checked = this.places
      .verifyPlace(place, {
        stillWanted: () => !this.stopping,
        onProgress: (progress) => {
          checkedSoFar = progress.streamsChecked;
          if (Date.now() - progressWritten < PROGRESS_EVERY_MS) return;
          progressWritten = Date.now();
          void this.write(id, `streams = $2, streams_checked = $3, events = $4, heard_at = now()`, [
            progress.streams,
            progress.streamsChecked,
            progress.events,
          ]);
        },
      })
      .then(
        // Cut short only if the stop came before every case was checked: a check that got to the end is done.
        (verdict) =>
          this.stopping && checkedSoFar < verdict.streams
            ? this.end(id, 'interrupted', verdict, STOPPED_CHECK)
            : this.end(id, 'done', verdict, null),
        (error: unknown) => {
          // Stopping, the service also closes the threads that check: what they held is answered with an error.
          if (this.stopping) return this.end(id, 'interrupted', null, STOPPED_CHECK);
          this.logger.error(
            `verification of ${place.town ?? place.county} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return this.end(id, 'failed', null, FAILED_CHECK);
        },
      )
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(id);
      });
    this.running.set(id, checked);
  }

  private async end(
    id: string,
    status: Exclude<VerificationRunStatus, 'running'>,
    verdict: PlaceVerdict | null,
    failure: string | null,
  ): Promise<void> {
    // The verdict of an interrupted check counts only what was checked: kept as progress, not as a verdict.
    await this.write(
      id,
      `status = $2, finished_at = now(), heard_at = now(), failure = $3,
       verdict = $4::jsonb, streams = coalesce($5, streams), events = coalesce($6, events),
       streams_checked = CASE WHEN $2 = 'done' THEN coalesce($5, streams_checked) ELSE streams_checked END`,
      [
        status,
        failure,
        status === 'done' ? JSON.stringify(verdict) : null,
        verdict?.streams ?? null,
        verdict?.events ?? null,
      ],
    );
  }

  /**
   * Writes to a run while it is running; a failed write is logged (a later one, or the run's end, says more). A run
   * another request found silent for too long was marked interrupted and its place checked anew: it stays so.
   */
  private async write(id: string, sets: string, values: unknown[]): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE audit.verification_runs SET ${sets} WHERE id = $1 AND status = 'running'`,
        [id, ...values],
      );
    } catch (error) {
      this.logger.warn(
        `verification run ${id}: not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function runOf(row: RunRow): VerificationRun {
  const left = row.left;
  return {
    id: row.id,
    county: row.county,
    town: row.town,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    status: left ? 'interrupted' : row.status,
    progress: { streams: row.streams, streamsChecked: row.streams_checked, events: Number(row.events) },
    verdict: row.verdict,
    failure: left ? STOPPED_CHECK : row.failure,
  };
}
