import type { EntityManager } from 'typeorm';

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

/**
 * The organ's next number of the year. The counter row stays locked until the caller's transaction ends, so two
 * documents of one organ take turns, and a document that is not stored gives its number back: numbers are unique
 * and leave no gaps.
 */
export async function nextDocumentNumber(
  manager: EntityManager,
  organ: string,
  year: number,
): Promise<number> {
  const [row] = (await manager.query(
    `INSERT INTO seal.document_numbers (organ, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (organ, year) DO UPDATE SET last_number = seal.document_numbers.last_number + 1
     RETURNING last_number`,
    [organ, year],
  )) as { last_number: number }[];
  return row.last_number;
}
