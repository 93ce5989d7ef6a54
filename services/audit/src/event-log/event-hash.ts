import { createHash } from 'node:crypto';
import { canonicalJson } from '@oneseal/domain';

export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the previous hash and the event as canonical JSON: a link of the stream's chain. */
export function eventHash(previousHash: string, envelope: unknown): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(envelope)).digest('hex');
}
