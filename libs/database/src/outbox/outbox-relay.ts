import { ChannelListener } from '../notifications/channel-listener';
import type { DataSource } from 'typeorm';

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
  dataSource: DataSource;
  /** Used for LISTEN only; the relay's own queries go through the data source's pool. */
  databaseUrl: string;
  schema: string;
  sink: OutboxSink;
  logger: OutboxRelayLogger;
  batchSize?: number;
  /** Safety net for a missed notification (e.g. the LISTEN connection was lost). */
  pollIntervalMs?: number;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: unknown;
}

/**
 * Publishes committed outbox rows in commit order, at least once. Only one relay per schema publishes at a
 * time (a transaction-scoped advisory lock), so running several replicas of a service keeps each case's events
 * in order; consumers drop the duplicates a crash between publish and mark can cause.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private listener?: ChannelListener;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
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

  /** Returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const { schema, sink } = this.options;
    return this.options.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        `${schema}.outbox`,
      ])) as [{ locked: boolean }];
      if (!locked) return 0;
      const rows = (await manager.query(
        `SELECT seq, event_id, topic, message_key, envelope FROM "${schema}".outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [this.batchSize],
      )) as OutboxRow[];
      if (rows.length === 0) return 0;
      await sink.publish(
        rows.map((row) => ({
          topic: row.topic,
          key: row.message_key,
          value: JSON.stringify(row.envelope),
          eventId: row.event_id,
        })),
      );
      await manager.query(
        `UPDATE "${schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`,
        [rows.map((row) => row.seq)],
      );
      return rows.length;
    });
  }
}
