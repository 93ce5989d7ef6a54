import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryResult, type QueryRunner } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import {
  CHAIN_ROWS_SQL,
  checkStreams,
  type ChainCheckJob,
  type ChainRowText,
  type StreamChecked,
} from './chain-check';
import type { ProgressWatch } from '../background-checks/progress-watch';
import { ChainCheckPool } from './chain-check-pool';
import { EventLogService } from './event-log.service';

/** How many threads check chains (AUDIT_VERIFY_THREADS; 0 checks on the service's own thread). */
export const VERIFY_THREADS = Symbol('VERIFY_THREADS');

/**
 * Verifies every stream with an event in a county (or town): the whole chain of each, since a chain can only be
 * checked from its start. Streams are read a batch at a time, so a county's history never sits in memory; the
 * threads (AUDIT_VERIFY_THREADS) read and check the batches, each reading its next while it checks one.
 */
@Injectable()
export class PlaceVerificationService implements OnModuleDestroy {
  /** None with no threads: batches are then read and checked here, one read ahead. */
  private readonly pool?: ChainCheckPool;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: EventLogService,
    @Inject(VERIFY_THREADS) threads: number,
  ) {
    const { url } = dataSource.options as PostgresConnectionOptions;
    if (threads > 0 && !url) throw new Error('chain checks on threads need the database URL');
    if (threads > 0 && url) this.pool = new ChainCheckPool(threads, url);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }

  /**
   * `watch.onProgress` hears how far the check is after each batch; once `watch.stillWanted()` says no (the person
   * left), no further batch is started and the verdict counts only what was checked. A check that goes on `from`
   * where another stopped checks the streams after its last one and adds what it finds to what was found.
   */
  async verifyPlace(
    place: { county: string; town?: string },
    watch: ProgressWatch<PlacePosition> = {},
    from?: PlacePosition,
  ): Promise<PlaceVerdict> {
    const streams = await PlaceStreams.open(this.dataSource, place, from?.lastStream ?? null);
    try {
      return await this.checkStreamsOf(place, streams, watch, from);
    } finally {
      await streams.close();
    }
  }

  private async checkStreamsOf(
    place: { county: string; town?: string },
    streams: PlaceStreams,
    watch: ProgressWatch<PlacePosition>,
    from: PlacePosition | undefined,
  ): Promise<PlaceVerdict> {
    let streamsChecked = from?.streamsChecked ?? 0;
    let lastStream = from?.lastStream ?? null;
    const verdict: PlaceVerdict = {
      ...place,
      streams: streamsChecked + streams.count,
      events: from?.events ?? 0,
      intact: (from?.brokenStreams ?? 0) === 0,
      brokenStreams: from?.brokenStreams ?? 0,
      broken: [...(from?.broken ?? [])],
    };
    const keying = await this.log.keying();
    // Its own bytes: a Buffer may be a view of a shared pool slab, which would cross to the thread whole.
    const key = new Uint8Array(keying.key);
    const keyedFromSeq = keying.keyedFromSeq;
    const tally = ({ checked, last }: { checked: StreamChecked[]; last: string }) => {
      streamsChecked += checked.length;
      lastStream = last;
      for (const stream of checked) {
        verdict.events += stream.events;
        if (stream.intact) continue;
        verdict.intact = false;
        verdict.brokenStreams += 1;
        if (verdict.broken.length < MAX_BROKEN_LISTED)
          verdict.broken.push({
            streamId: stream.streamId,
            brokenAtVersion: stream.brokenAtVersion ?? 1,
            receiptNumber: stream.receiptNumber ?? null,
          });
      }
      watch.onProgress?.({
        streams: verdict.streams,
        streamsChecked,
        events: verdict.events,
        lastStream,
        brokenStreams: verdict.brokenStreams,
        broken: [...verdict.broken],
      });
    };
    // A place of a few batches is checked here: starting threads and their connections would take longer.
    const pool = streams.count > STREAM_BATCH * 2 ? this.pool : undefined;
    // As many batches handed over as the threads hold (or one ahead here); verdicts tallied in stream order.
    const checking: Promise<{ checked: StreamChecked[]; last: string }>[] = [];
    for (;;) {
      if (watch.stillWanted && !watch.stillWanted()) break;
      const streamIds = await streams.next(STREAM_BATCH);
      if (streamIds.length === 0) break;
      const job: ChainCheckJob = { key, keyedFromSeq: keyedFromSeq.toString(), streamIds };
      const last = streamIds[streamIds.length - 1];
      const check = (pool ? pool.check(job) : this.readAndCheck(job)).then((checked) => ({ checked, last }));
      // Awaited in its turn; a failure before then must not count as unhandled.
      check.catch(() => undefined);
      checking.push(check);
      if (checking.length > (pool?.capacity ?? 1))
        tally(await (checking.shift() as (typeof checking)[number]));
    }
    for (const check of checking) tally(await check);
    return verdict;
  }

  private async readAndCheck(job: ChainCheckJob): Promise<StreamChecked[]> {
    const rows = (await this.dataSource.query(CHAIN_ROWS_SQL, [job.streamIds])) as ChainRowText[];
    return checkStreams(job, rows);
  }
}

const STREAM_BATCH = 500;
const MAX_BROKEN_LISTED = 50;

/**
 * The streams (cases) with an event in a place, in stream order, read a batch at a time: a county of a million cases
 * has a million, never held here. The database keeps the list (a cursor kept past its transaction, so no
 * transaction stays open while the chains are checked) on a connection of its own until closed.
 */
class PlaceStreams {
  private constructor(
    private readonly runner: QueryRunner,
    readonly count: number,
  ) {}

  /** The place's streams after `after` (in byte order), or all of them. */
  static async open(
    dataSource: DataSource,
    place: { county: string; town?: string },
    after: string | null,
  ): Promise<PlaceStreams> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      // The town only when one is asked for: `town = $2::text` (or an OR on a parameter) would compare as text,
      // and the (county, town) index would then serve only the county — a town's check read all of its county's
      // events. Ordered as bytes, as the broken streams are listed and a check taken up goes on.
      const params: unknown[] = [place.county];
      const town = place.town ? `AND town = $${params.push(place.town)}` : '';
      const rest = after === null ? '' : `AND stream_id COLLATE "C" > $${params.push(after)}`;
      await runner.query(
        `DECLARE place_streams SCROLL CURSOR WITH HOLD FOR
           SELECT DISTINCT stream_id COLLATE "C" AS "streamId" FROM audit.events
            WHERE county = $1 ${town} ${rest} ORDER BY 1`,
        params,
      );
      await runner.commitTransaction();
      const counted = (await runner.query(`MOVE FORWARD ALL IN place_streams`, [], true)) as QueryResult;
      await runner.query(`MOVE ABSOLUTE 0 IN place_streams`);
      return new PlaceStreams(runner, counted.affected ?? 0);
    } catch (error) {
      // The connection goes back to the pool as it was: no transaction left open, no cursor left on it.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.query(`CLOSE ALL`).catch(() => undefined);
      await runner.release();
      throw error;
    }
  }

  async next(batch: number): Promise<string[]> {
    const rows = (await this.runner.query(`FETCH ${batch} FROM place_streams`)) as { streamId: string }[];
    return rows.map((row) => row.streamId);
  }

  async close(): Promise<void> {
    try {
      await this.runner.query(`CLOSE ALL`);
    } finally {
      await this.runner.release();
    }
  }
}

/** How far a place's check is: streams (cases) checked of all, and their events. */
export interface PlaceProgress {
  streams: number;
  streamsChecked: number;
  events: number;
}

/** How far a check is and where it got to: the last stream checked and the broken ones found up to it. */
export interface PlacePosition extends PlaceProgress {
  /** In byte order; null before the first batch. */
  lastStream: string | null;
  brokenStreams: number;
  broken: PlaceVerdict['broken'];
}

export interface PlaceVerdict {
  county: string;
  town?: string;
  streams: number;
  events: number;
  intact: boolean;
  brokenStreams: number;
  /**
   * The broken streams (the first 50), each with the first version that no longer follows and its 办件编号 (null
   * when the submission itself is what went missing).
   */
  broken: { streamId: string; brokenAtVersion: number; receiptNumber: string | null }[];
}
