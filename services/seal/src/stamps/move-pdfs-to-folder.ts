import { sm3Hex } from '@oneseal/gm-crypto';
import type { PdfsInFolder } from './document-pdfs';

/** Runs one statement, as pg's Client.query does. */
export type Query = (sql: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface MovedPdfs {
  moved: number;
  /** Rows whose PDF does not match their SM3 digest: left in their rows, for someone to look at. */
  mismatched: string[];
}

/**
 * Moves the PDFs an installation stored in their rows (before it had a document folder) into the folder, a batch at
 * a time, in id order: each file kept (written and synced, its digest checked against the row's) before its row
 * lets go of the bytes. Stopped and run again, it goes on with the rows still holding theirs; the service keeps
 * serving throughout, since a row is read from the folder once it holds no PDF.
 */
export async function movePdfsToFolder(
  query: Query,
  pdfs: PdfsInFolder,
  options: { batch?: number; progress?: (moved: number) => void } = {},
): Promise<MovedPdfs> {
  const batch = options.batch ?? 200;
  const result: MovedPdfs = { moved: 0, mismatched: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = (await query(
      `SELECT id, sm3, pdf FROM seal.documents WHERE pdf IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
      [after, batch],
    )) as { rows: { id: string; sm3: string; pdf: Buffer }[] };
    if (rows.length === 0) return result;
    after = rows[rows.length - 1].id;
    const kept: string[] = [];
    for (const row of rows) {
      if (sm3Hex(row.pdf) !== row.sm3) {
        result.mismatched.push(row.id);
        continue;
      }
      await pdfs.keep(row.pdf, row.sm3);
      kept.push(row.id);
    }
    const moved = await query(
      `UPDATE seal.documents SET pdf = NULL WHERE id = ANY($1::uuid[]) AND pdf IS NOT NULL RETURNING id`,
      [kept],
    );
    result.moved += moved.rows.length;
    options.progress?.(result.moved);
  }
}
