import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '@oneseal/domain';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * A link of the stream's chain: HMAC-SHA256, under a key only the audit service holds (never the database), over
 * the previous link and the event as canonical JSON. Someone who can write the table but lacks the key cannot
 * forge a chain that verifies.
 */
export function keyedEventHash(key: Buffer, previousHash: string, envelope: unknown): string {
  return createHmac('sha256', key)
    .update(previousHash)
    .update('\n')
    .update(canonicalJson(envelope))
    .digest('hex');
}

/** The unkeyed sha256 link events were chained with before links were keyed; still how those events verify. */
export function unkeyedEventHash(previousHash: string, envelope: unknown): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(envelope)).digest('hex');
}
