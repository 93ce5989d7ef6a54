import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationSubmittedV1,
  EVENT_CONTRACTS,
  typesOf,
  withoutCredentials,
  withPersonalDataMasked,
  type EventActor,
  type EventContract,
  type EventEnvelope,
} from '@oneseal/contracts';
import { DataSource } from 'typeorm';
import { GENESIS_HASH, keyedEventHash, unkeyedEventHash } from './event-hash';

/** The key chain links are made with: from the audit service's environment, never stored in the database. */
export const AUDIT_CHAIN_KEY = Symbol('AUDIT_CHAIN_KEY');

export interface LoggedEvent {
  seq: string;
  version: number;
  eventId: string;
  topic: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  envelope: EventEnvelope<unknown>;
  prevHash: string;
  hash: string;
  /** False for events chained before links were keyed. */
  keyed: boolean;
}

/** How links are checked: the key, and the first event that had to be keyed (an unkeyed one after it is forged). */
export interface ChainKeying {
  key: Buffer;
  keyedFromSeq: bigint;
}

export interface ChainVerdict {
  streamId: string;
  events: number;
  intact: boolean;
  /** The first version whose hash does not follow from the stream before it. */
  brokenAtVersion?: number;
  headHash: string;
}

@Injectable()
export class EventLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_CHAIN_KEY) private readonly chainKey: Buffer,
  ) {}

  private keyedFromSeq?: Promise<bigint>;

  /** Where keying began (one row, written by the migration that introduced keys). */
  async keying(): Promise<ChainKeying> {
    this.keyedFromSeq ??= this.dataSource
      .query(`SELECT keyed_from_seq AS "from" FROM audit.chain_keying`)
      .then((rows: { from: string }[]) => BigInt(rows[0]?.from ?? '1'));
    return { key: this.chainKey, keyedFromSeq: await this.keyedFromSeq };
  }

  /**
   * Appends an event to its stream (the case it is about), once. Events of one case arrive on several topics
   * and partitions at once, so appends to one stream take a transaction-scoped lock on it: versions stay
   * contiguous and each hash links to the true previous one.
   */
  /**
   * Records an event as the log keeps it for good: credentials removed and personal values (the applicant's phone)
   * masked before it is chained, so the immutable record never holds what only the case file should.
   */
  record(
    contract: EventContract<object>,
    envelope: EventEnvelope<object>,
    topic: string,
  ): Promise<'appended' | 'duplicate'> {
    return this.append(withPersonalDataMasked(contract, withoutCredentials(contract, envelope)), topic);
  }

  async append(envelope: EventEnvelope<unknown>, topic: string): Promise<'appended' | 'duplicate'> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`audit:${envelope.subject}`]);
      const known = (await manager.query(`SELECT 1 FROM audit.events WHERE event_id = $1`, [
        envelope.id,
      ])) as unknown[];
      if (known.length > 0) return 'duplicate';
      const [head] = (await manager.query(
        `SELECT version, hash FROM audit.events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1`,
        [envelope.subject],
      )) as { version: number; hash: string }[];
      const prevHash = head?.hash ?? GENESIS_HASH;
      await manager.query(
        `INSERT INTO audit.events (stream_id, version, event_id, topic, type, event_version, occurred_at, county, town, envelope, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          envelope.subject,
          (head?.version ?? 0) + 1,
          envelope.id,
          topic,
          envelope.type,
          envelope.version,
          envelope.occurredAt,
          envelope.county,
          envelope.town ?? null,
          JSON.stringify(envelope),
          prevHash,
          keyedEventHash(this.chainKey, prevHash, envelope),
        ],
      );
      return 'appended';
    });
  }

  /** Every event of a stream (a case), in the order it was recorded. */
  async replay(streamId: string): Promise<LoggedEvent[]> {
    return (await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM audit.events WHERE stream_id = $1 ORDER BY version`,
      [streamId],
    )) as LoggedEvent[];
  }

  /** Recomputes the stream's chain from the stored events: any altered, removed or reordered event shows. */
  async verify(streamId: string): Promise<ChainVerdict> {
    return verifyChain(streamId, await this.replay(streamId), await this.keying());
  }

  /**
   * Verifies every stream with an event in a county (or town): the whole chain of each, since a chain can only
   * be checked from its start. Streams are read one batch at a time, so a county's history never sits in memory.
   */
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
    const keying = await this.keying();
    // The next batch is read while this one is checked, so the database and the hashing overlap. One ahead, not
    // more: on two cores further reads only take the CPU the hashing needs (3 ahead ran at 60% of 1 ahead).
    const read = (start: number) => {
      const batch = streams.slice(start, start + STREAM_BATCH).map((s) => s.streamId);
      if (batch.length === 0) return undefined;
      const reading = this.dataSource
        .query(
          `SELECT stream_id AS "streamId", ${CHAIN_COLUMNS}
             FROM audit.events WHERE stream_id = ANY($1) ORDER BY stream_id, version`,
          [batch],
        )
        .then((rows: ChainRow[]) => ({ batch, rows }));
      // Awaited in its turn; a failure before then must not count as unhandled.
      reading.catch(() => undefined);
      return reading;
    };
    let pending = read(0);
    for (let start = 0; pending; start += STREAM_BATCH) {
      const { batch, rows } = await pending;
      pending = read(start + STREAM_BATCH);
      const byStream = new Map<string, ChainRow[]>();
      for (const row of rows) {
        const events = byStream.get(row.streamId);
        if (events) events.push(row);
        else byStream.set(row.streamId, [row]);
      }
      for (const streamId of batch) {
        const events = byStream.get(streamId) ?? [];
        const chain = verifyChain(streamId, events, keying);
        verdict.events += chain.events;
        if (!chain.intact) {
          verdict.intact = false;
          verdict.brokenStreams += 1;
          if (verdict.broken.length < MAX_BROKEN_LISTED)
            verdict.broken.push({
              streamId,
              brokenAtVersion: chain.brokenAtVersion ?? 1,
              receiptNumber: receiptNumberOf(events),
            });
        }
      }
    }
    return verdict;
  }

  /**
   * The events of a county (or town) recorded in a period, in the order they were recorded, a page at a time; each
   * with its case's 办件编号, so the auditor reads which case without opening it.
   */
  async inPlace(query: PlaceEventsQuery): Promise<PlaceEvent[]> {
    // The town only when one is asked for, and the period as a range of instants: each query reads the place's
    // index from `after` on, whatever history lies beyond the period (an OR on a parameter would not).
    const values: unknown[] = [query.county, query.after, query.from, query.to, query.limit, SUBMITTED_TYPES];
    const add = (value: unknown) => `$${values.push(value)}`;
    const town = query.town ? `AND town = ${add(query.town)}` : '';
    const types = query.type ? `AND type = ANY(${add(sameEventTypes(query.type))})` : '';
    return (await this.dataSource.query(
      `SELECT seq, stream_id AS "streamId", version, type, occurred_at AS "occurredAt", recorded_at AS "recordedAt",
              town, envelope->'actor' AS actor,
              (SELECT submitted.envelope->'payload'->>'receiptNumber' FROM audit.events submitted
                WHERE submitted.stream_id = events.stream_id AND submitted.type = ANY($6)
                LIMIT 1) AS "receiptNumber"
         FROM audit.events
        WHERE county = $1 ${town} AND seq > $2
          AND recorded_at >= ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND recorded_at < (($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
          ${types}
        ORDER BY seq LIMIT $5`,
      values,
    )) as PlaceEvent[];
  }
}

const SUBMITTED_TYPES = typesOf(applicationSubmittedV1);

/** A case's 办件编号 as its submission on record gives it. */
function receiptNumberOf(events: readonly Pick<LoggedEvent, 'envelope'>[]): string | null {
  const submitted = events.find((event) => SUBMITTED_TYPES.includes(event.envelope.type));
  const payload = submitted?.envelope.payload as { receiptNumber?: unknown } | undefined;
  return typeof payload?.receiptNumber === 'string' ? payload.receiptNumber : null;
}

/** A type and the names the same event had before (events recorded earlier keep the name they had then). */
function sameEventTypes(type: string): string[] {
  const contract = EVENT_CONTRACTS.find((candidate) => typesOf(candidate).includes(type));
  return contract ? typesOf(contract) : [type];
}

const EVENT_COLUMNS = `seq, version, event_id AS "eventId", topic, type, occurred_at AS "occurredAt",
  recorded_at AS "recordedAt", envelope, prev_hash AS "prevHash", hash, keyed`;
/** What checking a chain reads of each event: no times, topics or ids, which cost parsing and are not hashed apart. */
const CHAIN_COLUMNS = `seq, version, envelope, prev_hash AS "prevHash", hash, keyed`;
type ChainRow = Pick<LoggedEvent, 'seq' | 'version' | 'envelope' | 'prevHash' | 'hash' | 'keyed'> & {
  streamId: string;
};
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

export interface PlaceEventsQuery {
  county: string;
  town?: string;
  from: string;
  to: string;
  type?: string;
  after: number;
  limit: number;
}

export interface PlaceEvent {
  seq: string;
  streamId: string;
  version: number;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  town: string | null;
  actor: EventActor;
  /** The case's 办件编号, from its submission on record; null for a stream that is not a case. */
  receiptNumber: string | null;
}

/** Walks a stream's events from the genesis hash: the first link that does not follow is where it broke. */
export function verifyChain(
  streamId: string,
  events: readonly Pick<LoggedEvent, 'seq' | 'version' | 'envelope' | 'prevHash' | 'hash' | 'keyed'>[],
  keying: ChainKeying,
): ChainVerdict {
  let expectedPrev = GENESIS_HASH;
  let keyedSeen = false;
  for (const [index, event] of events.entries()) {
    // An unkeyed link is only genuine before keying began, and never after a keyed one in the same stream.
    const mayBeUnkeyed = !keyedSeen && BigInt(event.seq) < keying.keyedFromSeq;
    keyedSeen ||= event.keyed;
    const intactLink =
      event.version === index + 1 &&
      event.prevHash === expectedPrev &&
      (event.keyed || mayBeUnkeyed) &&
      event.hash ===
        (event.keyed
          ? keyedEventHash(keying.key, expectedPrev, event.envelope)
          : unkeyedEventHash(expectedPrev, event.envelope));
    if (!intactLink)
      return {
        streamId,
        events: events.length,
        intact: false,
        brokenAtVersion: index + 1,
        headHash: expectedPrev,
      };
    expectedPrev = event.hash;
  }
  return { streamId, events: events.length, intact: true, headHash: expectedPrev };
}
