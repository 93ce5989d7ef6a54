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
   * left), no further batch is started and the verdict counts only what was checked.
   */
  async verifyPlace(
    place: { county: string; town?: string },
    watch: ProgressWatch<PlaceProgress> = {},
  ): Promise<PlaceVerdict> {
    const streams = await PlaceStreams.open(this.dataSource, place);
    try {
      return await this.checkStreamsOf(place, streams, watch);
    } finally {
      await streams.close();
    }
  }

  private async checkStreamsOf(
    place: { county: string; town?: string },
    streams: PlaceStreams,
    watch: ProgressWatch<PlaceProgress>,
  ): Promise<PlaceVerdict> {
    const verdict: PlaceVerdict = {
      ...place,
      streams: streams.count,
      events: 0,
      intact: true,
      brokenStreams: 0,
      broken: [],
    };
    const keying = await this.log.keying();
    // Its own bytes: a Buffer may be a view of a shared pool slab, which would cross to the thread whole.
    const key = new Uint8Array(keying.key);
    const keyedFromSeq = keying.keyedFromSeq;
    let streamsChecked = 0;
    const tally = (checked: StreamChecked[]) => {
      streamsChecked += checked.length;
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
      watch.onProgress?.({ streams: verdict.streams, streamsChecked, events: verdict.events });
    };
    // A place of a few batches is checked here: starting threads and their connections would take longer.
    const pool = streams.count > STREAM_BATCH * 2 ? this.pool : undefined;
    // As many batches handed over as the threads hold (or one ahead here); verdicts tallied in stream order.
    const checking: Promise<StreamChecked[]>[] = [];
    for (;;) {
      if (watch.stillWanted && !watch.stillWanted()) break;
      const streamIds = await streams.next(STREAM_BATCH);
      if (streamIds.length === 0) break;
      const job: ChainCheckJob = { key, keyedFromSeq: keyedFromSeq.toString(), streamIds };
      const check = pool ? pool.check(job) : this.readAndCheck(job);
      // Awaited in its turn; a failure before then must not count as unhandled.
      check.catch(() => undefined);
      checking.push(check);
      if (checking.length > (pool?.capacity ?? 1))
        tally(await (checking.shift() as Promise<StreamChecked[]>));
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

  static async open(dataSource: DataSource, place: { county: string; town?: string }): Promise<PlaceStreams> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      // The town only when one is asked for: `town = $2::text` (or an OR on a parameter) would compare as text,
      // and the (county, town) index would then serve only the county — a town's check read all of its county's
      // events. Ordered as bytes, as the broken streams are listed.
      await runner.query(
        `DECLARE place_streams SCROLL CURSOR WITH HOLD FOR
           SELECT DISTINCT stream_id COLLATE "C" AS "streamId" FROM audit.events
            WHERE county = $1 ${place.town ? 'AND town = $2' : ''} ORDER BY 1`,
        place.town ? [place.county, place.town] : [place.county],
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
