import { applicationSubmittedV1, typesOf, type EventEnvelope } from '@oneseal/contracts';
import { GENESIS_HASH, keyedEventHash, unkeyedEventHash } from './event-hash';

/**
 * One chain, checked without a database or a framework: what the audit service and its verification threads share
 * (chain-check.worker.ts loads this file and nothing of Nest or TypeORM).
 */

/** How links are checked: the key, and the first event that had to be keyed (an unkeyed one after it is forged). */
export interface ChainKeying {
  key: Buffer;
  keyedFromSeq: bigint;
}

export interface ChainVerdict {
  streamId: string;
  events: number;
  intact: boolean;
  /** The first version whose hash does not follow from the stream before it. */
  brokenAtVersion?: number;
  headHash: string;
}

/** What checking a link reads of a recorded event. */
export interface ChainLink {
  seq: string;
  version: number;
  envelope: EventEnvelope<unknown>;
  prevHash: string;
  hash: string;
  /** False for events chained before links were keyed. */
  keyed: boolean;
}

/** Walks a stream's events from the genesis hash: the first link that does not follow is where it broke. */
export function verifyChain(
  streamId: string,
  events: readonly ChainLink[],
  keying: ChainKeying,
): ChainVerdict {
  let expectedPrev = GENESIS_HASH;
  let keyedSeen = false;
  for (const [index, event] of events.entries()) {
    // An unkeyed link is only genuine before keying began, and never after a keyed one in the same stream.
    const mayBeUnkeyed = !keyedSeen && BigInt(event.seq) < keying.keyedFromSeq;
    keyedSeen ||= event.keyed;
    const intactLink =
      event.version === index + 1 &&
      event.prevHash === expectedPrev &&
      (event.keyed || mayBeUnkeyed) &&
      event.hash ===
        (event.keyed
          ? keyedEventHash(keying.key, expectedPrev, event.envelope)
          : unkeyedEventHash(expectedPrev, event.envelope));
    if (!intactLink)
      return {
        streamId,
        events: events.length,
        intact: false,
        brokenAtVersion: index + 1,
        headHash: expectedPrev,
      };
    expectedPrev = event.hash;
  }
  return { streamId, events: events.length, intact: true, headHash: expectedPrev };
}

export const SUBMITTED_TYPES = typesOf(applicationSubmittedV1);

/** A case's 办件编号 as its submission on record gives it. */
export function receiptNumberOf(events: readonly Pick<ChainLink, 'envelope'>[]): string | null {
  const submitted = events.find((event) => SUBMITTED_TYPES.includes(event.envelope.type));
  const payload = submitted?.envelope.payload as { receiptNumber?: unknown } | undefined;
  return typeof payload?.receiptNumber === 'string' ? payload.receiptNumber : null;
}
