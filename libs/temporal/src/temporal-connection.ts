import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { TemporalConfig } from './temporal-config';

/** What a connection must stop before it may close: a worker polling through it. */
export interface ConnectionUser {
  stop(): Promise<void>;
}

/**
 * The one connection a service keeps to Temporal, shared by its client and its workers (Temporal's own client, in
 * the SDK's native core, instead of a second one in JavaScript). Sharing it lets a workflow the service starts be
 * handed its first workflow task in the answer to the start, when the service's own worker polls that task queue
 * (eager start): no round trip through the server's matching for it.
 */
export class TemporalConnection {
  private readonly users = new Set<ConnectionUser>();
  private closing?: Promise<void>;

  private constructor(
    readonly native: NativeConnection,
    readonly client: Client,
  ) {}

  static async open(config: TemporalConfig): Promise<TemporalConnection> {
    const native = await NativeConnection.connect({ address: config.address });
    return new TemporalConnection(native, new Client({ connection: native, namespace: config.namespace }));
  }

  /** A worker polling through this connection: stopped (its activities drained) before the connection closes. */
  attach(user: ConnectionUser): void {
    if (this.closing) throw new Error('the Temporal connection is closing: no worker may start on it');
    this.users.add(user);
  }

  /** Stops the workers on it, then closes it (Temporal refuses to close a connection a worker still holds). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.users].map((user) => user.stop()));
      await this.native.close();
    })();
    return this.closing;
  }
}
