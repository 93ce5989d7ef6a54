import { chinaDate } from '@oneseal/domain';
import type { EntityManager } from 'typeorm';

/** The day a receipt is numbered under: the county's calendar day (China Standard Time, no DST). */
export const receiptDay = chinaDate;

/**
 * Numbers the application `id` with the next 办件编号 `<county>-<yyyymmdd>-<6-digit sequence>` (unique in the county)
 * and answers it. The counter row is locked by the upsert for the rest of the caller's transaction, so concurrent
 * submissions in one county take turns and a rolled-back submission gives its number back; counting and writing the
 * number are one statement, so the lock waits on one round trip fewer of a busy service.
 */
export async function numberApplication(
  manager: EntityManager,
  id: string,
  county: string,
  at: Date,
): Promise<string> {
  const day = receiptDay(at);
  // An UPDATE answers its rows and its count.
  const [[row]] = (await manager.query(
    `WITH counted AS (
       INSERT INTO intake.receipt_counters (county_code, day, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (county_code, day) DO UPDATE SET last_number = intake.receipt_counters.last_number + 1
       RETURNING last_number)
     UPDATE intake.applications
        SET receipt_number = $3 || lpad(counted.last_number::text, greatest(6, length(counted.last_number::text)), '0')
       FROM counted
      WHERE id = $4
     RETURNING receipt_number`,
    [county, day, `${county}-${day.replace(/-/g, '')}-`, id],
  )) as [{ receipt_number: string }[], number];
  return row.receipt_number;
}
