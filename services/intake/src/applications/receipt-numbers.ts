import { chinaDate } from '@oneseal/domain';
import type { EntityManager } from 'typeorm';

/** The day a receipt is numbered under: the county's calendar day (China Standard Time, no DST). */
export const receiptDay = chinaDate;

/**
 * 办件编号 `<county>-<yyyymmdd>-<6-digit sequence>`: unique in the county. The counter row is locked by the
 * upsert for the rest of the caller's transaction, so concurrent submissions in one county take turns and a
 * rolled-back submission gives its number back.
 */
export async function nextReceiptNumber(manager: EntityManager, county: string, at: Date): Promise<string> {
  const day = receiptDay(at);
  const [row] = (await manager.query(
    `INSERT INTO intake.receipt_counters (county_code, day, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (county_code, day) DO UPDATE SET last_number = intake.receipt_counters.last_number + 1
     RETURNING last_number`,
    [county, day],
  )) as { last_number: number }[];
  return `${county}-${day.replace(/-/g, '')}-${String(row.last_number).padStart(6, '0')}`;
}
