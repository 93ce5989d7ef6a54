import { canonicalJson } from '@oneseal/domain';
import { sm3Hex } from '@oneseal/gm-crypto';

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

/** SM3 over the heads, one line each, in stream order: the same heads always give the same digest. */
export function headsDigest(heads: readonly ChainHead[]): string {
  const lines = [...heads]
    .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))
    .map((head) => `${head.streamId} ${head.version} ${head.hash}`);
  return sm3Hex(lines.join('\n'));
}

/** The exact text signed: canonical JSON of the body. */
export function signedText(body: CheckpointBody): string {
  return canonicalJson(body);
}

/** The link the next checkpoint names as its previous one. */
export function checkpointLink(body: CheckpointBody, signature: string): string {
  return sm3Hex(`${signedText(body)}\n${signature}`);
}
