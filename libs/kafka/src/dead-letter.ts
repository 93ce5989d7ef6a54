import type { OffsetCommits } from './offset-committer';
import type { Producer } from 'kafkajs';

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: unknown;
  /** The producer's identity and signature (see producer-identity), kept so a replayed message still proves it. */
  headers?: Record<string, string>;
  /** The consumer it came from, which commits its offset once it is handled (see OffsetCommitter). */
  commits?: OffsetCommits;
}

/**
 * Why a message was parked: it breaks its contract, its handler said it can never succeed, or it failed every
 * retry for a reason that is not an engine being down (a poison message).
 */
export type DeadLetterReason =
  | 'contract-violation'
  | 'unverified-producer'
  | 'permanent-failure'
  | 'retries-exhausted';

export interface DeadLetter {
  consumer: string;
  originalTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: unknown;
  headers?: Record<string, string>;
  reason: DeadLetterReason;
  issues: readonly string[];
  failedAt: string;
}

/** Parks a message that can never succeed, with the reason, so it stops blocking its partition. */
export async function sendToDeadLetter(producer: Producer, topic: string, letter: DeadLetter): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: [
      { key: letter.key ?? undefined, value: JSON.stringify(letter), headers: { consumer: letter.consumer } },
    ],
  });
}
