import { canonicalJson } from '@oneseal/domain';
import { sm3Digest, sm3Hex } from '@oneseal/gm-crypto';

/** The head of one chain as a checkpoint saw it. */
export interface ChainHead {
  streamId: string;
  version: number;
  hash: string;
}

/** What a checkpoint's signature covers. */
export interface CheckpointBody {
  seq: number;
  takenAt: string;
  upToEventSeq: string;
  headsCount: number;
  headsSm3: string;
  /** The SM3 of the previous checkpoint's signed body and signature: checkpoints form a chain of their own. */
  previousSm3: string;
}

export const FIRST_PREVIOUS = '0'.repeat(64);

/** Heads in the order their digest takes them: stream ids compared as strings (code unit by code unit). */
export function sortedByStream(heads: readonly ChainHead[]): ChainHead[] {
  return [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

/** Heads that come a page at a time out of stream order: their digest cannot be taken without holding them all. */
export class HeadsOutOfOrderError extends Error {
  constructor(streamId: string, after: string) {
    super(`checkpoint heads out of stream order: ${streamId} after ${after}`);
  }
}

/**
 * What a checkpoint signs of its heads: SM3 over one line per head (stream id, version, hash), in stream order, taken
 * as the heads are given a page at a time in that order (a checkpoint with a million heads is never held whole); the
 * same heads always give the same digest. Counts them too.
 */
export class HeadsDigest {
  private readonly digest = sm3Digest();
  private last: string | undefined;
  count = 0;

  add(heads: readonly ChainHead[]): void {
    for (const head of heads) {
      if (this.last !== undefined && this.last > head.streamId)
        throw new HeadsOutOfOrderError(head.streamId, this.last);
      this.digest.update(
        `${this.last === undefined ? '' : '\n'}${head.streamId} ${head.version} ${head.hash}`,
      );
      this.last = head.streamId;
      this.count += 1;
    }
  }

  hex(): string {
    return this.digest.hex();
  }
}

/** The exact text signed: canonical JSON of the body. */
export function signedText(body: CheckpointBody): string {
  return canonicalJson(body);
}

/** The link the next checkpoint names as its previous one. */
export function checkpointLink(body: CheckpointBody, signature: string): string {
  return sm3Hex(`${signedText(body)}\n${signature}`);
}
