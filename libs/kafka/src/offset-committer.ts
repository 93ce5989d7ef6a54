import type { Consumer } from 'kafkajs';

/** How long a handled message's offset may wait to be committed. */
export const OFFSET_COMMIT_INTERVAL_MS = 1_000;

/** Where offsets are committed: the consumer a message came from (kafkajs's, through Nest's KafkaContext). */
export type OffsetCommits = Pick<Consumer, 'commitOffsets'>;

interface Handled {
  commits: OffsetCommits;
  topic: string;
  partition: number;
  /** The next offset to read: the handled message's + 1. */
  offset: string;
}

/**
 * Commits the offsets of handled messages once a second, instead of kafkajs committing after every batch it hands
 * over (with events trickling in, a batch is one message, and each commit a write to the broker's offsets log: more
 * commits than events). Only offsets of messages handled here are committed, in each partition's order; whatever a
 * crash or a rebalance leaves uncommitted is delivered again, which the idempotent consumers take as a duplicate.
 */
export class OffsetCommitter {
  private readonly handled = new Map<string, Handled>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly onFailure: (error: unknown) => void,
    private readonly intervalMs = OFFSET_COMMIT_INTERVAL_MS,
  ) {}

  /** A message was handled (or parked): its partition may be committed past it. */
  note(commits: OffsetCommits, topic: string, partition: number, offset: string): void {
    this.handled.set(`${topic}\u0000${partition}`, {
      commits,
      topic,
      partition,
      offset: (BigInt(offset) + 1n).toString(),
    });
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      // Waiting to commit must not keep a stopping process alive: stop() commits what is left.
      this.timer.unref();
    }
  }

  /** Commits every partition's latest handled offset; one flush at a time, in order. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const due = [...this.handled.values()];
    this.handled.clear();
    this.flushing = this.flushing.then(() => this.commit(due));
    return this.flushing;
  }

  private async commit(due: Handled[]): Promise<void> {
    const byConsumer = new Map<OffsetCommits, Handled[]>();
    for (const entry of due) byConsumer.set(entry.commits, [...(byConsumer.get(entry.commits) ?? []), entry]);
    for (const [commits, entries] of byConsumer) {
      try {
        await commits.commitOffsets(
          entries.map(({ topic, partition, offset }) => ({ topic, partition, offset })),
        );
      } catch (error) {
        // A rebalance or a broker away: those messages are delivered again, to whoever holds the partition then.
        this.onFailure(error);
      }
    }
  }
}
