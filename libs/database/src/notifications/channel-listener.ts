import { Client } from 'pg';

export interface ChannelListenerLogger {
  warn(message: string, error?: unknown): void;
}

export interface ChannelListenerOptions {
  databaseUrl: string;
  /** A PostgreSQL identifier: lower-case letters, digits and underscores. */
  channel: string;
  /** A notification's payload, as the NOTIFY (or pg_notify) that sent it gave it. */
  onNotification(payload: string): void;
  /**
   * Listening again after the connection was lost (PostgreSQL restarted, the network broke): whatever was announced
   * in between is gone, so whoever depends on the announcements should look again.
   */
  onListeningAgain?(): void;
  logger: ChannelListenerLogger;
  /** The first wait before reconnecting; it doubles up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * How often the connection is asked a trivial question: a connection that a failover or a broken network left
   * half open delivers nothing and reports nothing, so its silence must be tested.
   */
  checkEveryMs?: number;
}

/** How long the trivial question may take before the connection counts as lost. */
const CHECK_TIMEOUT_MS = 5000;

/**
 * One connection that LISTENs to a channel and keeps listening: when the connection is lost it connects again,
 * waiting longer after each failure. Notifications are delivered once their transaction commits (PostgreSQL's
 * guarantee), and only while connected — hence onListeningAgain.
 */
export class ChannelListener {
  private client?: Client;
  private retryTimer?: NodeJS.Timeout;
  private checkTimer?: NodeJS.Timeout;
  private stopped = true;
  private failures = 0;

  constructor(private readonly options: ChannelListenerOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) {
      throw new Error(`"${options.channel}" is not a channel name this listener accepts`);
    }
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Resolves once listening; a database that cannot be reached now is tried again in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    this.checkTimer = setInterval(() => void this.check(), this.options.checkEveryMs ?? 30_000);
    this.checkTimer.unref();
    await this.connect(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.checkTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(again: boolean): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (message) => this.options.onNotification(message.payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.options.logger.warn(`LISTEN ${this.options.channel}: cannot connect; trying again`, error);
      this.retryLater();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    if (again) this.options.onListeningAgain?.();
  }

  private async check(): Promise<void> {
    const client = this.client;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer to SELECT 1')), CHECK_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.lost(client, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.logger.warn(`LISTEN ${this.options.channel}: connection lost; connecting again`, error);
    this.retryLater();
  }

  /** Whatever was announced while not listening is gone: the next connection counts as listening again. */
  private retryLater(): void {
    if (this.stopped) return;
    const first = this.options.retryDelayMs ?? 500;
    const delay = Math.min(first * 2 ** this.failures, this.options.maxRetryDelayMs ?? 10_000);
    this.failures += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(true), delay);
    this.retryTimer.unref();
  }
}
