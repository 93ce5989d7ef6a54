/**
 * A UUID that begins with the time it was made (RFC 9562 version 7: 48 bits of Unix milliseconds, then random
 * bits), from that time and 32 random hex digits (a version 4 UUID's will do; dashes are ignored). Rows keyed by such
 * ids — events, cases, messages, documents, a case's tasks — are inserted in time order: each lands beside the last
 * in its index instead of on a page of a million-case index that has to be read from disk first. Plain code, so
 * workflows use it too: with the workflow's clock and `uuid4()` it makes the same id when a history is replayed.
 */
export function timeOrderedUuidOf(now: number, randomHex: string): string {
  const time = Math.trunc(now).toString(16).padStart(12, '0');
  const random = randomHex.replace(/-/g, '');
  const variant = ((Number.parseInt(random[16], 16) & 0x3) | 0x8).toString(16);
  return [
    time.slice(0, 8),
    time.slice(8, 12),
    `7${random.slice(13, 16)}`,
    `${variant}${random.slice(17, 20)}`,
    random.slice(20, 32),
  ].join('-');
}
