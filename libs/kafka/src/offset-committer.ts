import type { Consumer, ConsumerGroupJoinEvent } from 'kafkajs';

/** How long a handled message's offset may wait to be committed. */
export const OFFSET_COMMIT_INTERVAL_MS = 1_000;

/**
 * Where offsets are committed: the consumer a message came from (kafkajs's, through Nest's KafkaContext), and its
 * group events, which say which partitions it holds after a rebalance.
 */
export type OffsetCommits = Pick<Consumer, 'commitOffsets'> & {
  on?: (event: 'consumer.group_join', listener: (event: ConsumerGroupJoinEvent) => void) => unknown;
};

interface Handled {
  commits: OffsetCommits;
  topic: string;
  partition: number;
  /** The next offset to read: the handled message's + 1. */
  offset: string;
  /** A refused commit is tried once more with the next flush. */
  retried?: true;
}

const GROUP_JOIN = 'consumer.group_join';
const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * Commits the offsets of handled messages once a second, instead of kafkajs committing after every batch it hands
 * over (with events trickling in, a batch is one message, and each commit a write to the broker's offsets log: more
 * commits than events). Only offsets of messages handled here are committed, in each partition's order; whatever a
 * crash or a rebalance leaves uncommitted is delivered again, which the idempotent consumers take as a duplicate.
 * After a rebalance the offsets of partitions this consumer no longer holds are dropped: committed later, they could
 * take the partition's new holder back.
 */
export class OffsetCommitter {
  private readonly handled = new Map<string, Handled>();
  private readonly watched = new WeakSet<OffsetCommits>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly onFailure: (error: unknown) => void,
    private readonly intervalMs = OFFSET_COMMIT_INTERVAL_MS,
  ) {}

  /** A message was handled (or parked): its partition may be committed past it. */
  note(commits: OffsetCommits, topic: string, partition: number, offset: string): void {
    this.watch(commits);
    this.handled.set(keyOf(topic, partition), {
      commits,
      topic,
      partition,
      offset: (BigInt(offset) + 1n).toString(),
    });
    this.schedule();
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

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.intervalMs);
    // Waiting to commit must not keep a stopping process alive: the edge flushes what is left when it stops.
    this.timer.unref();
  }

  private watch(commits: OffsetCommits): void {
    if (this.watched.has(commits) || !commits.on) return;
    this.watched.add(commits);
    commits.on(GROUP_JOIN, ({ payload }) => this.keepOnly(commits, payload.memberAssignment));
  }

  private keepOnly(commits: OffsetCommits, assignment: Readonly<Record<string, number[]>>): void {
    for (const [key, entry] of this.handled) {
      if (entry.commits === commits && !assignment[entry.topic]?.includes(entry.partition))
        this.handled.delete(key);
    }
  }

  private async commit(due: Handled[]): Promise<void> {
    const byConsumer = new Map<OffsetCommits, Handled[]>();
    for (const entry of due) {
      const entries = byConsumer.get(entry.commits);
      if (entries) entries.push(entry);
      else byConsumer.set(entry.commits, [entry]);
    }
    for (const [commits, entries] of byConsumer) {
      try {
        await commits.commitOffsets(
          entries.map(({ topic, partition, offset }) => ({ topic, partition, offset })),
        );
      } catch (error) {
        // A rebalance or a broker away: tried once more, unless a later message of the partition is noted since;
        // what is still not committed is delivered again, to whoever holds the partition then.
        this.onFailure(error);
        for (const entry of entries) {
          const key = keyOf(entry.topic, entry.partition);
          if (entry.retried || this.handled.has(key)) continue;
          this.handled.set(key, { ...entry, retried: true });
          this.schedule();
        }
      }
    }
  }
}
