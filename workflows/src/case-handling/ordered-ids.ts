/**
 * A version 7 UUID (RFC 9562) from the given time and the random bits of a version 4 one: the workflow passes its
 * own clock and `uuid4()`, both the same when a history is replayed. The ids a case makes — its tasks, decisions,
 * documents' keys and milestones — are keys of rows inserted as the case goes; made in time order, each lands beside
 * the last in its index instead of on a page of a million-case index that has to be read from disk first.
 */
export function orderedUuid(now: number, randomUuid: string): string {
  const time = Math.trunc(now).toString(16).padStart(12, '0');
  const random = randomUuid.replace(/-/g, '');
  const variant = ((Number.parseInt(random[16], 16) & 0x3) | 0x8).toString(16);
  return [
    time.slice(0, 8),
    time.slice(8, 12),
    `7${random.slice(13, 16)}`,
    `${variant}${random.slice(17, 20)}`,
    random.slice(20, 32),
  ].join('-');
}
