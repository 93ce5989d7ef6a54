import { RecentlyUsed } from '@oneseal/database';

export interface StreamHead {
  version: number;
  hash: string;
}

/**
 * The last link this process wrote or read of each recently active stream, so the next event of a case can be
 * chained without first locking the stream and reading its head. Only a hint: the database's unique
 * (stream, version) decides, and a stale head sends the append the slow way.
 */
export class StreamHeads {
  private readonly heads: RecentlyUsed<StreamHead>;

  constructor(capacity = 20_000) {
    this.heads = new RecentlyUsed(capacity);
  }

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  /** Keeps the head unless a later one is already known (appends of one stream may finish out of order). */
  remember(streamId: string, head: StreamHead): void {
    const known = this.heads.get(streamId);
    if (!known || known.version < head.version) this.heads.set(streamId, head);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
