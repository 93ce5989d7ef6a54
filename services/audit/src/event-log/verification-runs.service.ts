import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timeOrderedUuid } from '@oneseal/database';
import { DataSource } from 'typeorm';
import {
  BackgroundChecks,
  CHECK_COLUMNS,
  checkFields,
  type CheckRow,
  type CheckStatus,
} from '../background-checks/background-checks';
import {
  PlaceVerificationService,
  type PlaceProgress,
  type PlaceVerdict,
} from './place-verification.service';

/** A check of a place's chains, as the auditor's list shows it: who asked, how far it is, what it found. */
export interface VerificationRun {
  id: string;
  county: string;
  town: string | null;
  requestedBy: { id: string; name: string };
  startedAt: string;
  finishedAt: string | null;
  status: CheckStatus;
  progress: PlaceProgress;
  /** Once done: the verdict, as GET verification answers it. */
  verdict: PlaceVerdict | null;
  /** Why it stopped, when it failed or was interrupted. */
  failure: string | null;
}

interface RunRow extends CheckRow {
  county: string;
  town: string | null;
  streams: number;
  streams_checked: number;
  events: string;
  verdict: PlaceVerdict | null;
}

const LISTED_RUNS = 20;

const OWN_COLUMNS = `county, town, streams, streams_checked, events::text AS events, verdict`;
const COLUMNS = `${CHECK_COLUMNS}, ${OWN_COLUMNS}`;

/**
 * Checks of a town's or the county's chains that run on in the service, whoever watches: a county of a million
 * cases takes minutes, and the auditor may leave the screen and come back to the verdict. One check per place at a
 * time (asking again joins it); a check whose process stopped is listed as interrupted.
 */
@Injectable()
export class VerificationRuns implements OnModuleDestroy {
  private readonly checks: BackgroundChecks;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly places: PlaceVerificationService,
  ) {
    this.checks = new BackgroundChecks(dataSource, 'audit.verification_runs', new Logger('VerificationRuns'));
  }

  /** Starts a check of the place, or answers the one already running there. */
  async start(
    place: { county: string; town?: string },
    by: { id: string; name: string },
  ): Promise<VerificationRun> {
    this.checks.assertAccepting();
    const town = place.town ?? null;
    await this.checks.interruptLeft(`county = $1 AND coalesce(town, '') = coalesce($2::text, '')`, [
      place.county,
      town,
    ]);
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
    const row = await this.checks.row<RunRow>(id, OWN_COLUMNS);
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

  async onModuleDestroy(): Promise<void> {
    await this.checks.stop();
  }

  private run(id: string, place: { county: string; town?: string }): void {
    this.checks.run<PlaceProgress, PlaceVerdict>({
      id,
      what: `verification of ${place.town ?? place.county}`,
      check: (watch) => this.places.verifyPlace(place, watch),
      progressColumns: (progress) => ({
        streams: progress.streams,
        streams_checked: progress.streamsChecked,
        events: progress.events,
      }),
      complete: (verdict, last) => (last?.streamsChecked ?? 0) >= verdict.streams,
      // An interrupted check's verdict counts only what was checked: kept as progress, not as a verdict.
      endColumns: (status, verdict) =>
        !verdict
          ? {}
          : status === 'done'
            ? {
                verdict: JSON.stringify(verdict),
                streams: verdict.streams,
                streams_checked: verdict.streams,
                events: verdict.events,
              }
            : { streams: verdict.streams, events: verdict.events },
    });
  }
}

function runOf(row: RunRow): VerificationRun {
  return {
    ...checkFields(row),
    county: row.county,
    town: row.town,
    progress: { streams: row.streams, streamsChecked: row.streams_checked, events: Number(row.events) },
    verdict: row.verdict,
  };
}
