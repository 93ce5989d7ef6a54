import { chinaDate } from '@oneseal/domain';
import type { ReturningChange } from '@oneseal/database';

/** The day a receipt is numbered under: the county's calendar day (China Standard Time, no DST). */
export const receiptDay = chinaDate;

/**
 * The change that numbers the application `id` with the next 办件编号 `<county>-<yyyymmdd>-<6-digit sequence>` (unique
 * in the county), returning it as `receipt_number`. The counter row is locked by the upsert for the rest of the
 * caller's transaction, so concurrent submissions in one county take turns and a rolled-back submission gives its
 * number back; counting, writing the number and (changeAndEnqueueEvent) recording the event that carries it are one
 * statement, so the lock is held for that statement and the commit only.
 */
export function receiptNumbering(id: string, county: string, at: Date): ReturningChange {
  const day = receiptDay(at);
  return {
    steps: `counted AS (
       INSERT INTO intake.receipt_counters (county_code, day, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (county_code, day) DO UPDATE SET last_number = intake.receipt_counters.last_number + 1
       RETURNING last_number)`,
    sql: `UPDATE intake.applications
             SET receipt_number = $3 || lpad(counted.last_number::text, greatest(6, length(counted.last_number::text)), '0')
            FROM counted
           WHERE id = $4
       RETURNING receipt_number`,
    params: [county, day, `${county}-${day.replace(/-/g, '')}-`, id],
  };
}
