import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BackgroundChecks,
  checkFields,
  type CheckRow,
  type CheckStatus,
} from '../background-checks/background-checks';
import {
  PlaceVerificationService,
  type PlacePosition,
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
  /** Still running, but its process stopped: the next audit process goes on from where it got to. */
  waitingToGoOn: boolean;
}

interface RunRow extends CheckRow {
  county: string;
  town: string | null;
  streams: number;
  streams_checked: number;
  events: string;
  verdict: PlaceVerdict | null;
  last_stream: string | null;
  broken_streams: number;
  broken_found: PlaceVerdict['broken'];
}

const OWN_COLUMNS = `county, town, streams, streams_checked, events::text AS events, verdict, last_stream,
  broken_streams, broken_found`;

/**
 * Checks of a town's or the county's chains that run on in the service, whoever watches: a county of a million
 * cases takes minutes, and the auditor may leave the screen and come back to the verdict. One check per place at a
 * time (asking again joins it). A check whose process stopped (a restart, an update, a replica lost) is gone on with
 * by the next audit process from the last case it had checked.
 */
@Injectable()
export class VerificationRuns implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly checks: BackgroundChecks<RunRow>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly places: PlaceVerificationService,
  ) {
    this.checks = new BackgroundChecks<RunRow>(
      dataSource,
      'audit.verification_runs',
      new Logger('VerificationRuns'),
      {
        ownColumns: OWN_COLUMNS,
        // From the last case checked; one left before its first batch was checked (or by a process of a version
        // that kept no position) starts again from the first, its counts written afresh.
        goOn: (row, lease) => {
          this.run(
            row.id,
            placeOf(row),
            lease,
            row.last_stream === null
              ? undefined
              : {
                  streams: row.streams,
                  streamsChecked: row.streams_checked,
                  events: Number(row.events),
                  lastStream: row.last_stream,
                  brokenStreams: row.broken_streams,
                  broken: row.broken_found,
                },
          );
        },
      },
    );
  }

  /** Goes on with the checks a stopped process left (the first look done before the service is ready). */
  onApplicationBootstrap(): Promise<void> {
    return this.checks.takeUpLeftChecks();
  }

  /** Starts a check of the place, or answers the one already running there. */
  async start(
    place: { county: string; town?: string },
    by: { id: string; name: string },
  ): Promise<VerificationRun> {
    const town = place.town ?? null;
    const claimed = await this.checks.claim(
      by,
      { county: place.county, town },
      { where: `county = $1 AND coalesce(town, '') = coalesce($2::text, '')`, params: [place.county, town] },
      OWN_COLUMNS,
    );
    if (claimed.started) this.run(claimed.row.id, place, claimed.lease);
    return runOf(claimed.row);
  }

  async find(id: string): Promise<VerificationRun | undefined> {
    const row = await this.checks.row(id, OWN_COLUMNS);
    return row ? runOf(row) : undefined;
  }

  /** The latest checks of a county (or of one town), newest first. */
  async list(place: { county: string; town?: string }): Promise<VerificationRun[]> {
    const rows = place.town
      ? await this.checks.latest(OWN_COLUMNS, 'county = $1 AND town = $2', [place.county, place.town])
      : await this.checks.latest(OWN_COLUMNS, 'county = $1', [place.county]);
    return rows.map(runOf);
  }

  async onModuleDestroy(): Promise<void> {
    await this.checks.stop();
  }

  private run(
    id: string,
    place: { county: string; town?: string },
    lease: string | undefined,
    from?: PlacePosition,
  ): void {
    this.checks.run<PlacePosition, PlaceVerdict>(
      {
        id,
        what: `verification of ${place.town ?? place.county}`,
        check: (watch) => this.places.verifyPlace(place, watch, from),
        // Where it got to, written together: a check taken up goes on from exactly this.
        progressColumns: (progress) => ({
          streams: progress.streams,
          streams_checked: progress.streamsChecked,
          events: progress.events,
          last_stream: progress.lastStream,
          broken_streams: progress.brokenStreams,
          broken_found: JSON.stringify(progress.broken),
        }),
        complete: (verdict, last) => (last?.streamsChecked ?? 0) >= verdict.streams,
        // What it reports is where it goes on from once taken up.
        getsFurther: (progress) => progress.streamsChecked > (from?.streamsChecked ?? 0),
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
      },
      lease,
    );
  }
}

function placeOf(row: RunRow): { county: string; town?: string } {
  return row.town === null ? { county: row.county } : { county: row.county, town: row.town };
}

function runOf(row: RunRow): VerificationRun {
  return {
    ...checkFields(row, true),
    waitingToGoOn: row.left,
    county: row.county,
    town: row.town,
    progress: { streams: row.streams, streamsChecked: row.streams_checked, events: Number(row.events) },
    verdict: row.verdict,
  };
}
