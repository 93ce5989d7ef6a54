import type { Client } from 'pg';
import { ChannelListener } from '../notifications/channel-listener';
import { OutboxLeadership } from './outbox-leadership';

export interface OutboxRecord {
  topic: string;
  key: string;
  value: string;
  eventId: string;
}

/** Where the relay hands committed events; in the services, a Kafka producer. */
export interface OutboxSink {
  publish(records: readonly OutboxRecord[]): Promise<void>;
}

export interface OutboxRelayLogger {
  warn(message: string, error?: unknown): void;
}

export interface OutboxRelayOptions {
  /** For LISTEN, and for the relay's own connection (it holds the lock while this relay publishes). */
  databaseUrl: string;
  schema: string;
  sink: OutboxSink;
  logger: OutboxRelayLogger;
  batchSize?: number;
  /**
   * Safety net for a missed notification (e.g. the LISTEN connection was lost), and how often a relay that found
   * another publishing asks to take over.
   */
  pollIntervalMs?: number;
  /** Longest a published batch waits for the next read to mark it before the relay wakes to mark it anyway. */
  markAfterMs?: number;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: string;
}

/**
 * Publishes committed outbox rows in commit order, at least once. Only one relay per schema publishes at a
 * time (OutboxLeadership: a session lock held by the publishing relay's own connection), so running several
 * replicas of a service keeps each case's events in order; consumers drop the duplicates a crash between publish
 * and mark can cause. A batch is marked by the statement that reads the next one — at most `markAfterMs` later, when
 * nothing else wakes the relay first — so under load a batch costs one statement, with no transaction around it.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly markAfterMs: number;
  /** Rows published and not marked yet, and the leader's connection they are to be marked on. */
  private unmarked: { seqs: string[]; on?: Client } = { seqs: [] };
  private markTimer?: NodeJS.Timeout;
  private listener?: ChannelListener;
  private readonly leadership: OutboxLeadership;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.markAfterMs = options.markAfterMs ?? 250;
    this.leadership = new OutboxLeadership({
      databaseUrl: options.databaseUrl,
      lockName: `${options.schema}.outbox`,
      askAgainAfterMs: this.pollIntervalMs,
      applicationName: `oneseal-${options.schema}-outbox`,
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.pollIntervalMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    // After the last batch: a restart must be able to set the timer again.
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    await this.markPublished();
    await this.leadership.resign();
    await this.listener?.stop();
    this.listener = undefined;
  }

  /** Publishes everything pending now; resolves when the outbox is empty or publishing failed. */
  wake(): Promise<void> {
    if (this.draining) {
      this.wakeAgain = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.wakeAgain && !this.stopped) {
        this.wakeAgain = false;
        void this.wake();
      }
    });
    return this.draining;
  }

  /** While the connection is down, the poll interval publishes; once back, it publishes what waits at once. */
  private async listen(): Promise<void> {
    this.listener = new ChannelListener({
      databaseUrl: this.options.databaseUrl,
      channel: `${this.options.schema}_outbox`,
      onNotification: () => void this.wake(),
      onListeningAgain: () => void this.wake(),
      logger: this.options.logger,
    });
    await this.listener.start();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.publishBatch()) === this.batchSize) {
        // a full batch means more may be waiting
      }
    } catch (error) {
      this.options.logger.warn(`outbox relay for ${this.options.schema} failed; will retry`, error);
    }
  }

  /**
   * Returns how many rows it published: none while another relay leads. The rows published before are marked by the
   * same statement that reads these, on the same leader's connection; a batch of a leadership lost since goes out
   * again from the next leader.
   */
  async publishBatch(): Promise<number> {
    const { schema, sink } = this.options;
    const connection = await this.leadership.connection();
    const marking = this.unmarked.on === connection ? this.unmarked.seqs : [];
    this.unmarked = { seqs: [] };
    if (!connection) return 0;
    // jsonb as text: published as stored, without parsing it only to serialise it again. The rows being marked are
    // left out by seq: the statement's snapshot still shows them unpublished.
    const rows = await this.onLeadConnection(
      connection.query<OutboxRow>(
        `WITH marked AS (UPDATE "${schema}".outbox SET published_at = now() WHERE seq = ANY($2::bigint[]))
         SELECT seq, event_id, topic, message_key, envelope::text AS envelope FROM "${schema}".outbox
          WHERE published_at IS NULL AND seq <> ALL($2::bigint[]) ORDER BY seq LIMIT $1`,
        [this.batchSize, marking],
      ),
    );
    if (rows.rows.length === 0) return 0;
    try {
      await sink.publish(
        rows.rows.map((row) => ({
          topic: row.topic,
          key: row.message_key,
          value: row.envelope,
          eventId: row.event_id,
        })),
      );
    } catch (error) {
      // Kafka refused: another relay may do better, so this one lets go of the lock for now.
      await this.leadership.stepDown();
      throw error;
    }
    this.unmarked = { seqs: rows.rows.map((row) => row.seq), on: connection };
    if (!this.stopped) {
      this.markTimer ??= setTimeout(() => {
        this.markTimer = undefined;
        void this.wake();
      }, this.markAfterMs);
    }
    return rows.rows.length;
  }

  /** Marks what was published and not marked yet (on stopping), while still leading on the same connection. */
  private async markPublished(): Promise<void> {
    const { seqs, on } = this.unmarked;
    this.unmarked = { seqs: [] };
    if (seqs.length === 0 || !on || this.leadership.leadingOn !== on) return;
    try {
      await on.query(
        `UPDATE "${this.options.schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`,
        [seqs],
      );
    } catch (error) {
      this.options.logger.warn(
        `outbox relay for ${this.options.schema} could not mark its last batch`,
        error,
      );
    }
  }

  /** A statement on the leader's connection; when it fails, the connection (and the lock) is given up. */
  private async onLeadConnection<T>(statement: Promise<T>): Promise<T> {
    try {
      return await statement;
    } catch (error) {
      await this.leadership.resign();
      throw error;
    }
  }
}
