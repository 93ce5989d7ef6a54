import { randomBytes } from 'node:crypto';
import { timeOrderedUuidOf } from '@oneseal/contracts';

/**
 * A version 7 UUID made now (timeOrderedUuidOf): the key of a row written once and looked up by equality — an event,
 * a case, a message, a document. Still unguessable (74 random bits), and a UUID to every validator and to
 * PostgreSQL's uuid type.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  return timeOrderedUuidOf(now, randomBytes(16).toString('hex'));
}
