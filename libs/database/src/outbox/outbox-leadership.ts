import { Client } from 'pg';

export interface OutboxLeadershipOptions {
  databaseUrl: string;
  /** The lock every relay of the schema asks for; the relays of one schema must agree on it. */
  lockName: string;
  /** How long a relay that found another leading waits before asking again (a leader that failed asks at once). */
  askAgainAfterMs: number;
  applicationName: string;
}

/**
 * Which relay of a schema publishes: the one whose own connection holds the schema's session advisory lock. The
 * leader reads and marks rows on that same connection, so a relay that lost its connection (and the lock with it)
 * cannot go on publishing beside the next leader; a relay that stops or fails lets go by closing it.
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
    const client = this.client ?? (await this.connect());
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [this.options.lockName],
    );
    this.leading = rows[0].locked;
    if (!this.leading) this.refusedAt = Date.now();
    return this.leading ? client : undefined;
  }

  /** After a failure on the connection, or on stopping: the lock goes with the connection. */
  async resign(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leading = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: this.options.applicationName,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
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
