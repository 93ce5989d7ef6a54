export interface StreamHead {
  version: number;
  hash: string;
}

/**
 * The last link this process wrote or read of each recently active stream, so the next event of a case can be
 * chained without first locking the stream and reading its head. Only a hint: the database's unique
 * (stream, version) decides, and a stale head sends the append the slow way. Bounded: the least recently used
 * streams are forgotten first.
 */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 20_000) {}

  get(streamId: string): StreamHead | undefined {
    const head = this.heads.get(streamId);
    if (head) {
      this.heads.delete(streamId);
      this.heads.set(streamId, head);
    }
    return head;
  }

  /** Keeps the head unless a later one is already known (appends of one stream may finish out of order). */
  remember(streamId: string, head: StreamHead): void {
    const known = this.heads.get(streamId);
    if (known && known.version >= head.version) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next().value as string;
      this.heads.delete(oldest);
    }
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
