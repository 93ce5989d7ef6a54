import { isUniqueViolation } from '@oneseal/database';
import { chinaDate } from '@oneseal/domain';
import type { DataSource } from 'typeorm';

/** 南村便审〔{year}〕{n}号 with year 2026 and n 17 → 南村便审〔2026〕17号. */
export function formatDocumentNumber(pattern: string, year: number, n: number): string {
  return pattern.replace(/\{year\}/g, String(year)).replace(/\{n\}/g, String(n));
}

/** A pattern an organ may set: it names the year and the number once each, and fits on a document's line. */
export function numberPatternProblem(pattern: string): string | undefined {
  if ((pattern.match(/\{year\}/g) ?? []).length !== 1) return '文号格式须包含一次 {year}（年份）';
  if ((pattern.match(/\{n\}/g) ?? []).length !== 1) return '文号格式须包含一次 {n}（序号）';
  if ([...pattern].length > 40) return '文号格式不能超过 40 个字';
  return undefined;
}

/** The key holds a number of another organ: it is another document's key. */
export class KeyNumberedElsewhere extends Error {
  constructor(key: string) {
    super(`document key ${key} is numbered by another organ`);
  }
}

/** A document key's place in its organ's sequence: the year and the number within it. */
export interface ReservedNumber {
  year: number;
  n: number;
}

/**
 * The number the document key holds in its organ's sequence, in one statement (its own transaction). The first time a
 * key asks, the organ's counter moves and the reservation is written, so the counter row is locked only for that
 * statement instead of while the document is laid out, signed and stored, and moves only with a reservation: numbers
 * are unique and none is skipped. Every later ask for the key (a retry, a concurrent duplicate) gets the same number
 * back, whenever it comes: a document retried after New Year keeps the year it was numbered in.
 */
export async function reserveDocumentNumber(
  dataSource: DataSource,
  key: string,
  organ: string,
  at: Date = new Date(),
): Promise<ReservedNumber> {
  // The organ's sequence of the year the key is first numbered in (China's calendar year).
  const year = Number(chinaDate(at).slice(0, 4));
  for (let attempt = 0; ; attempt += 1) {
    try {
      // The key's reservation if it has one; otherwise the counter moves and the reservation is written.
      const [held] = (await dataSource.query(
        `WITH held AS (SELECT organ, year, number FROM seal.reserved_document_numbers WHERE key = $1::text),
         counted AS (
           INSERT INTO seal.document_numbers (organ, year, last_number)
           SELECT $2::text, $3::int, 1 WHERE NOT EXISTS (SELECT 1 FROM held)
           ON CONFLICT (organ, year) DO UPDATE SET last_number = seal.document_numbers.last_number + 1
           RETURNING last_number),
         reserved AS (
           INSERT INTO seal.reserved_document_numbers (key, organ, year, number)
           SELECT $1::text, $2::text, $3::int, last_number FROM counted
           RETURNING organ, year, number)
         SELECT organ, year, number FROM held UNION ALL SELECT organ, year, number FROM reserved`,
        [key, organ, year],
      )) as { organ: string; year: number; number: number }[];
      if (held.organ !== organ) throw new KeyNumberedElsewhere(key);
      return { year: held.year, n: held.number };
    } catch (error) {
      // The same key reserved by a concurrent attempt first: this statement failed whole, the counter with it, and
      // the next one reads that reservation.
      if (!isUniqueViolation(error, 'reserved_document_numbers_pkey') || attempt >= 3) throw error;
    }
  }
}
