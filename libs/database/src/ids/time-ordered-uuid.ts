import { randomFillSync } from 'node:crypto';

/**
 * A UUID that begins with the time it was made (RFC 9562 version 7: 48 bits of Unix milliseconds, then 74 random
 * bits), for rows whose key is written once and looked up by equality: events, cases, messages. A random (version
 * 4) key puts every new row into a different leaf of each index over it, so at a million cases nearly every insert
 * read a leaf from disk and wrote a full page image to the WAL; keys made in order land on the same few leaves.
 * Still unguessable (74 random bits), and still a UUID to every validator and to PostgreSQL's uuid type.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const bytes = randomFillSync(Buffer.alloc(16));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
