import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope } from '@oneseal/contracts';
import { DataSource } from 'typeorm';
import { GENESIS_HASH, eventHash } from './event-hash';

export interface LoggedEvent {
  version: number;
  eventId: string;
  topic: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  envelope: EventEnvelope<unknown>;
  prevHash: string;
  hash: string;
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event to its stream (the case it is about), once. Events of one case arrive on several topics
   * and partitions at once, so appends to one stream take a transaction-scoped lock on it: versions stay
   * contiguous and each hash links to the true previous one.
   */
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
          eventHash(prevHash, envelope),
        ],
      );
      return 'appended';
    });
  }

  /** Every event of a stream (a case), in the order it was recorded. */
  async replay(streamId: string): Promise<LoggedEvent[]> {
    return (await this.dataSource.query(
      `SELECT version, event_id AS "eventId", topic, type, occurred_at AS "occurredAt", recorded_at AS "recordedAt",
              envelope, prev_hash AS "prevHash", hash
         FROM audit.events WHERE stream_id = $1 ORDER BY version`,
      [streamId],
    )) as LoggedEvent[];
  }

  /** Recomputes the stream's chain from the stored events: any altered, removed or reordered event shows. */
  async verify(streamId: string): Promise<ChainVerdict> {
    const events = await this.replay(streamId);
    let expectedPrev = GENESIS_HASH;
    for (const [index, event] of events.entries()) {
      const intactLink =
        event.version === index + 1 &&
        event.prevHash === expectedPrev &&
        event.hash === eventHash(expectedPrev, event.envelope);
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
}
