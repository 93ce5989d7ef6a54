import { Client } from 'pg';

export interface OutboxLeadershipOptions {
  databaseUrl: string;
  /** The lock every relay of the schema asks for; the relays of one schema must agree on it. */
  lockName: string;
  /** How long a relay that found another leading waits before asking again (a leader that failed asks at once). */
  askAgainAfterMs: number;
  applicationName: string;
}

/** Longest a statement of the relay may take; a connection that does not answer in time counts as lost. */
const STATEMENT_TIMEOUT_MS = 30_000;
/** Longest a closing connection may take to say goodbye before its socket is simply dropped. */
const CLOSE_TIMEOUT_MS = 2_000;

/**
 * Which relay of a schema publishes: the one whose own connection holds the schema's session advisory lock. The
 * leader reads and marks rows on that same connection, so once its connection is gone (and the lock with it) its
 * marks fail; a batch it was publishing at that moment may go out again from the next leader, which consumers take
 * as a duplicate. PostgreSQL probes the connection itself (keepalives, a user timeout): a leader whose machine
 * vanished without closing it frees the lock within about half a minute, not when the kernel gives up hours later.
 */
export class OutboxLeadership {
  private client?: Client;
  private leading = false;
  private refusedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: OutboxLeadershipOptions) {}

  /** The connection to publish on while this relay leads; nothing while another does. */
  async connection(): Promise<Client | undefined> {
    if (this.leading && this.client) return this.client;
    if (Date.now() - this.refusedAt < this.options.askAgainAfterMs) return undefined;
    try {
      const client = this.client ?? (await this.connect());
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [this.options.lockName],
      );
      this.leading = rows[0].locked;
    } catch (error) {
      await this.resign();
      throw error;
    }
    if (!this.leading) this.refusedAt = Date.now();
    return this.leadingOn;
  }

  /** The connection this relay leads on right now, without asking for the lock. */
  get leadingOn(): Client | undefined {
    return this.leading ? this.client : undefined;
  }

  /**
   * After a failure elsewhere (Kafka refused the batch): another relay may do better, so the lock is given up but
   * the connection kept; the connection is closed when giving up the lock fails too.
   */
  async stepDown(): Promise<void> {
    const client = this.client;
    if (!client || !this.leading) return;
    this.leading = false;
    try {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.options.lockName]);
    } catch {
      await this.resign();
    }
  }

  /** After a failure of the connection, or on stopping: the lock goes with the connection. */
  async resign(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leading = false;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    const closed = client.end().catch(() => undefined);
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), CLOSE_TIMEOUT_MS);
    });
    // A half-open connection never answers its goodbye: drop the socket instead of waiting for it.
    if ((await Promise.race([closed, late])) === 'late') socketOf(client)?.destroy();
    clearTimeout(timer);
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: this.options.applicationName,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      query_timeout: STATEMENT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      // The server's side of the lock's connection: probed after 10 s of silence, dropped 30 s after it stops
      // answering.
      options:
        '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3 -c tcp_user_timeout=30000',
    });
    // A connection lost while idle must not take the process down; its loss ends the leadership.
    client.on('error', () => {
      if (this.client === client) void this.resign();
    });
    await client.connect();
    this.client = client;
    return client;
  }
}

/** The socket under a pg client (not part of its typed interface). */
function socketOf(client: Client): { destroy(): void } | undefined {
  return (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
}
