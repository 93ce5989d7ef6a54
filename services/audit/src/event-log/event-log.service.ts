import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EVENT_CONTRACTS,
  typesOf,
  withoutCredentials,
  withPersonalDataMasked,
  type EventActor,
  type EventContract,
  type EventEnvelope,
} from '@oneseal/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { SUBMITTED_TYPES, verifyChain, type ChainKeying, type ChainVerdict } from './chain-links';
import { GENESIS_HASH, keyedEventHash } from './event-hash';
import { StreamHeads, type StreamHead } from './stream-heads';
import type { JsonText } from './json-text';

/** The head a stream's first event links to. */
const GENESIS: StreamHead = { version: 0, hash: GENESIS_HASH };

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

@Injectable()
export class EventLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_CHAIN_KEY) private readonly chainKey: Buffer,
  ) {}

  private keyedFromSeq?: Promise<bigint>;
  private readonly heads = new StreamHeads();

  /** Where keying began (one row, written by the migration that introduced keys). */
  async keying(): Promise<ChainKeying> {
    this.keyedFromSeq ??= this.dataSource
      .query(`SELECT keyed_from_seq AS "from" FROM audit.chain_keying`)
      .then((rows: { from: string }[]) => BigInt(rows[0]?.from ?? '1'));
    return { key: this.chainKey, keyedFromSeq: await this.keyedFromSeq };
  }

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

  /**
   * Appends an event to its stream (the case it is about), once. When this process knows the stream's head, one
   * statement chains the event to it: the unique (stream, version) and event id refuse it if another writer
   * got there first or the event is known, and then the locked way decides.
   */
  async append(envelope: EventEnvelope<unknown>, topic: string): Promise<'appended' | 'duplicate'> {
    const stream = envelope.subject;
    const known = this.heads.get(stream);
    // Outside a transaction the insert commits on its own: the head it returns is on record.
    const chained = known && (await this.insertAfter(this.dataSource.manager, known, envelope, topic));
    if (chained) {
      this.heads.remember(stream, chained);
      return 'appended';
    }
    this.heads.forget(stream);
    // Each lost race is another writer's progress on the stream: give up only when they keep winning.
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const outcome = await this.appendLocked(envelope, topic);
      if (outcome === 'duplicate') return outcome;
      if (outcome !== 'raced') {
        this.heads.remember(stream, outcome);
        return 'appended';
      }
    }
    throw new Error(`audit stream ${stream}: twenty appends in a row lost the race for the next version`);
  }

  /**
   * Events of one case arrive on several topics and partitions at once, so this way takes a transaction-scoped
   * lock on the stream: versions stay contiguous and each hash links to the true previous one. 'raced' when a
   * writer that chained without the lock took the version read here.
   */
  private appendLocked(
    envelope: EventEnvelope<unknown>,
    topic: string,
  ): Promise<StreamHead | 'duplicate' | 'raced'> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`audit:${envelope.subject}`]);
      // Whether the event is known and the stream's head, in one round trip (both read under the lock).
      const [found] = (await manager.query(
        `SELECT EXISTS (SELECT 1 FROM audit.events WHERE event_id = $1) AS known, head.version, head.hash
           FROM (SELECT 1) AS one
           LEFT JOIN LATERAL (SELECT version, hash FROM audit.events WHERE stream_id = $2
                               ORDER BY version DESC LIMIT 1) AS head ON true`,
        [envelope.id, envelope.subject],
      )) as { known: boolean; version: number | null; hash: string | null }[];
      if (found.known) return 'duplicate';
      const head = found.hash === null ? GENESIS : { version: found.version as number, hash: found.hash };
      return (await this.insertAfter(manager, head, envelope, topic)) ?? 'raced';
    });
  }

  /** Inserts the event as the link after `head` and returns the new head; nothing when the version or the event is taken. */
  private async insertAfter(
    manager: EntityManager,
    head: StreamHead,
    envelope: EventEnvelope<unknown>,
    topic: string,
  ): Promise<StreamHead | undefined> {
    const next: StreamHead = {
      version: head.version + 1,
      hash: keyedEventHash(this.chainKey, head.hash, envelope),
    };
    const inserted = (await manager.query(
      `INSERT INTO audit.events (stream_id, version, event_id, topic, type, event_version, occurred_at, county, town, envelope, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT DO NOTHING RETURNING version`,
      [
        envelope.subject,
        next.version,
        envelope.id,
        topic,
        envelope.type,
        envelope.version,
        envelope.occurredAt,
        envelope.county,
        envelope.town ?? null,
        JSON.stringify(envelope),
        head.hash,
        next.hash,
      ],
    )) as unknown[];
    return inserted.length === 0 ? undefined : next;
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
   * The events of a county (or town) recorded in a period, in the order they were recorded, a page at a time; each
   * with its case's 办件编号, so the auditor reads which case without opening it. The page is the JSON text the screen
   * reads (an array of PlaceEvent), made by PostgreSQL and passed on as it is: reading 500 events as rows and writing
   * them out again took the service longer than the statement took. Each case's 办件编号 is looked up once a page.
   */
  async inPlace(query: PlaceEventsQuery): Promise<JsonText<PlaceEvent[]>> {
    // The town only when one is asked for, and the period as a range of instants: each query reads the place's
    // index from `after` on, whatever history lies beyond the period (an OR on a parameter would not).
    const values: unknown[] = [query.county, query.after, query.from, query.to, query.limit, SUBMITTED_TYPES];
    const add = (value: unknown) => `$${values.push(value)}`;
    const town = query.town ? `AND town = ${add(query.town)}` : '';
    const types = query.type ? `AND type = ANY(${add(sameEventTypes(query.type))})` : '';
    const [{ page }] = (await this.dataSource.query(
      `WITH page AS (
         SELECT seq, stream_id, version, type, occurred_at, recorded_at, town, envelope->'actor' AS actor
           FROM audit.events
          WHERE county = $1 ${town} AND seq > $2
            AND recorded_at >= ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai')
            AND recorded_at < (($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
            ${types}
          ORDER BY seq LIMIT $5),
       receipts AS (
         SELECT streams.stream_id,
                (SELECT submitted.envelope->'payload'->>'receiptNumber' FROM audit.events submitted
                  WHERE submitted.stream_id = streams.stream_id AND submitted.type = ANY($6)
                  ORDER BY submitted.version LIMIT 1) AS receipt_number
           FROM (SELECT DISTINCT stream_id FROM page) streams)
       SELECT coalesce(json_agg(json_build_object(
                'seq', page.seq::text, 'streamId', page.stream_id, 'version', page.version, 'type', page.type,
                'occurredAt', ${isoInstant('page.occurred_at')}, 'recordedAt', ${isoInstant('page.recorded_at')},
                'town', page.town, 'actor', page.actor, 'receiptNumber', receipts.receipt_number)
              ORDER BY page.seq), '[]')::text AS page
         FROM page LEFT JOIN receipts USING (stream_id)`,
      values,
    )) as [{ page: JsonText<PlaceEvent[]> }];
    return page;
  }
}

/** An instant as JavaScript writes a Date in JSON (UTC, milliseconds): what the screen read before. */
const isoInstant = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A type and the names the same event had before (events recorded earlier keep the name they had then). */
function sameEventTypes(type: string): string[] {
  const contract = EVENT_CONTRACTS.find((candidate) => typesOf(candidate).includes(type));
  return contract ? typesOf(contract) : [type];
}

const EVENT_COLUMNS = `seq, version, event_id AS "eventId", topic, type, occurred_at AS "occurredAt",
  recorded_at AS "recordedAt", envelope, prev_hash AS "prevHash", hash, keyed`;
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
  occurredAt: string;
  recordedAt: string;
  town: string | null;
  actor: EventActor;
  /** The case's 办件编号, from its submission on record; null for a stream that is not a case. */
  receiptNumber: string | null;
}
