/**
 * Dates of the working-day calendar are China Standard Time calendar days (UTC+8, no daylight saving); Temporal
 * timers need instants. A deadline date runs to the end of that day.
 */
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export function cstDate(instantMs: number): string {
  return new Date(instantMs + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function startOfCstDay(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) - CST_OFFSET_MS;
}

export function endOfCstDay(date: string): number {
  return startOfCstDay(date) + DAY_MS;
}
