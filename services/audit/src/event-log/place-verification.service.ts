import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChainCheckJob, ChainRowText, StreamChecked } from './chain-check';
import { ChainCheckPool } from './chain-check-pool';
import { EventLogService } from './event-log.service';

/** How many threads check chains (AUDIT_VERIFY_THREADS; 0 checks on the service's own thread). */
export const VERIFY_THREADS = Symbol('VERIFY_THREADS');

/**
 * Verifies every stream with an event in a county (or town): the whole chain of each, since a chain can only be
 * checked from its start. Streams are read a batch at a time, so a county's history never sits in memory: the next
 * batch is read while the threads check the ones before it.
 */
@Injectable()
export class PlaceVerificationService implements OnModuleDestroy {
  private readonly pool: ChainCheckPool;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: EventLogService,
    @Inject(VERIFY_THREADS) threads: number,
  ) {
    this.pool = new ChainCheckPool(threads);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }

  async verifyPlace(place: { county: string; town?: string }): Promise<PlaceVerdict> {
    // The town only when one is asked for: `town = $2::text` (or an OR on a parameter) would compare as text, and
    // the (county, town) index would then serve only the county — a town's check read all of its county's events.
    const streams = (await this.dataSource.query(
      `SELECT DISTINCT stream_id AS "streamId" FROM audit.events
        WHERE county = $1 ${place.town ? 'AND town = $2' : ''} ORDER BY stream_id`,
      place.town ? [place.county, place.town] : [place.county],
    )) as { streamId: string }[];
    const verdict: PlaceVerdict = {
      ...place,
      streams: streams.length,
      events: 0,
      intact: true,
      brokenStreams: 0,
      broken: [],
    };
    const { key, keyedFromSeq } = await this.log.keying();
    const read = (start: number) => {
      const streamIds = streams.slice(start, start + STREAM_BATCH).map((s) => s.streamId);
      if (streamIds.length === 0) return undefined;
      // The envelope as text: the thread that checks it parses it (node-pg would parse jsonb here, on this thread).
      const reading = this.dataSource
        .query(
          `SELECT stream_id AS "streamId", seq, version, envelope::text AS envelope, prev_hash AS "prevHash", hash, keyed
             FROM audit.events WHERE stream_id = ANY($1) ORDER BY stream_id, version`,
          [streamIds],
        )
        .then(
          (rows: ChainRowText[]): ChainCheckJob => ({
            key,
            keyedFromSeq: keyedFromSeq.toString(),
            streamIds,
            rows,
          }),
        );
      // Awaited in its turn; a failure before then must not count as unhandled.
      reading.catch(() => undefined);
      return reading;
    };
    const tally = (checked: StreamChecked[]) => {
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
    };
    // As many batches in the threads as there are threads, one more being read; verdicts tallied in stream order.
    const checking: Promise<StreamChecked[]>[] = [];
    let pending = read(0);
    for (let start = 0; pending; start += STREAM_BATCH) {
      const job = await pending;
      pending = read(start + STREAM_BATCH);
      const check = this.pool.check(job);
      check.catch(() => undefined);
      checking.push(check);
      if (checking.length > Math.max(1, this.pool.size))
        tally(await (checking.shift() as Promise<StreamChecked[]>));
    }
    for (const check of checking) tally(await check);
    return verdict;
  }
}

const STREAM_BATCH = 500;
const MAX_BROKEN_LISTED = 50;

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
