import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PdfsInFolder } from './document-pdfs';
import type { Query } from './move-pdfs-to-folder';

/** A document as an operator finds it again: its organ's 文号 or title, its case. */
export interface DocumentNamed {
  id: string;
  title: string;
  number: string | null;
  caseId: string | null;
}

/** What the check of a document folder against the documents' rows found. */
export interface FolderCheck {
  /** Documents whose row holds its PDF (stored before the folder, or not yet moved). */
  inRows: number;
  /** Documents kept in the folder whose file is there and is the PDF stamped. */
  intact: number;
  /** Kept in the folder, but no file there: lost (a restore of the folder older than the database's). */
  missing: { count: number; first: DocumentNamed[] };
  /** Kept in the folder, but the file is not the PDF stamped: changed on disk. */
  changed: { count: number; first: DocumentNamed[] };
  /**
   * Files no document's row names as its own: written for a row that never committed (a crash, or a row the database
   * refused), or documents a restored database no longer has. Kept: they are evidence, and a later restore may name
   * them again.
   */
  unnamed: { count: number; first: string[] };
  /** Temporary files of writes a crash cut short (`<name>.<random>.tmp`). */
  temporaries: number;
  /** Kept in the folder, but the file could not be read (its permissions, the disk): with what was said. */
  unreadable: { count: number; first: (DocumentNamed & { error: string })[] };
}

/** How many of each finding are listed by name. */
const LISTED = 20;
const ROWS_PER_FETCH = 1_000;
const FILE = /^([0-9a-f]{64})\.pdf\.gz$/;

interface DocumentRow {
  id: string;
  sm3: string;
  in_folder: boolean;
}

/**
 * Checks a document folder against the documents' rows, as an operator does after a restore or on a schedule: every
 * document kept in the folder must have its file there, unchanged (each read whole and its SM3 compared), and every
 * file should be some document's. The rows are read in digest order through one cursor (one sort, whatever the
 * count), beside the folder's files in the same order, so nothing is held but a page of each. Reads only. The cursor
 * outlives its transaction (WITH HOLD: PostgreSQL writes the sorted digests to a temporary file, about 100 bytes a
 * document, when the transaction ends), so no snapshot stays open during the hour a large folder takes to read, holding
 * back vacuum; the few documents found wrong are named by a read of their rows at the end.
 */
export async function checkDocumentFolder(
  query: Query,
  pdfs: PdfsInFolder,
  options: { progress?: (checked: number) => void } = {},
): Promise<FolderCheck> {
  const result: FolderCheck = {
    inRows: 0,
    intact: 0,
    missing: { count: 0, first: [] },
    changed: { count: 0, first: [] },
    unnamed: { count: 0, first: [] },
    temporaries: 0,
    unreadable: { count: 0, first: [] },
  };
  const note = <T>(finding: { count: number; first: T[] }, what: T) => {
    finding.count += 1;
    if (finding.first.length < LISTED) finding.first.push(what);
  };
  // Listed by id while the folder is read; named (title, 文号, case) at the end.
  const found = {
    missing: { count: 0, first: [] as string[] },
    changed: { count: 0, first: [] as string[] },
    unreadable: { count: 0, first: [] as { id: string; error: string }[] },
  };
  const files = filesInDigestOrder(pdfs.folder, () => (result.temporaries += 1));
  let file = await files.next();
  // Whether a row kept in the folder names the file under `file` (several rows may share one digest).
  let named = false;
  const passFilesBefore = async (sm3: string) => {
    while (!file.done && file.value < sm3) {
      if (!named) note(result.unnamed, file.value);
      file = await files.next();
      named = false;
    }
  };

  await query('BEGIN READ ONLY');
  try {
    await query(
      `DECLARE documents NO SCROLL CURSOR WITH HOLD FOR
         SELECT id, sm3, pdf IS NULL AS in_folder FROM seal.documents ORDER BY sm3 COLLATE "C", id`,
    );
    await query('COMMIT');
  } catch (error) {
    await query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  try {
    let checked = 0;
    for (;;) {
      const { rows } = (await query(`FETCH ${ROWS_PER_FETCH} FROM documents`)) as { rows: DocumentRow[] };
      if (rows.length === 0) break;
      for (const row of rows) {
        await passFilesBefore(row.sm3);
        const present = !file.done && file.value === row.sm3;
        // A row still holding its PDF names its file too (a move to the folder stopped between the two).
        if (present) named = true;
        if (!row.in_folder) {
          result.inRows += 1;
          continue;
        }
        if (!present) {
          note(found.missing, row.id);
          continue;
        }
        let state: Awaited<ReturnType<PdfsInFolder['state']>>;
        try {
          state = await pdfs.state(row.sm3);
        } catch (error) {
          note(found.unreadable, {
            id: row.id,
            error: error instanceof Error ? error.message : String(error),
          });
          continue;
        }
        if (state === 'intact') result.intact += 1;
        else note(state === 'missing' ? found.missing : found.changed, row.id);
      }
      checked += rows.length;
      options.progress?.(checked);
    }
  } finally {
    await query('CLOSE documents').catch(() => undefined);
  }
  await passFilesBefore('g'); // past every hex digest: the files after the last row

  const names = await documentsNamed(query, [
    ...found.missing.first,
    ...found.changed.first,
    ...found.unreadable.first.map((document) => document.id),
  ]);
  const namedAll = (ids: string[]) => ids.map((id) => names.get(id) ?? nameless(id));
  result.missing = { count: found.missing.count, first: namedAll(found.missing.first) };
  result.changed = { count: found.changed.count, first: namedAll(found.changed.first) };
  result.unreadable = {
    count: found.unreadable.count,
    first: found.unreadable.first.map(({ id, error }) => ({ ...(names.get(id) ?? nameless(id)), error })),
  };
  return result;
}

const nameless = (id: string): DocumentNamed => ({ id, title: '', number: null, caseId: null });

async function documentsNamed(query: Query, ids: string[]): Promise<Map<string, DocumentNamed>> {
  if (ids.length === 0) return new Map();
  const { rows } = (await query(
    `SELECT id, title, number, case_id AS "caseId" FROM seal.documents WHERE id = ANY($1::uuid[])`,
    [ids],
  )) as { rows: DocumentNamed[] };
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The digests of the folder's files, in order: its shards (the digest's first two hex digits) in order, each one's
 * files sorted. Temporary files are counted through `temporary`; anything else in the folder is not OneSeal's.
 */
async function* filesInDigestOrder(folder: string, temporary: () => void): AsyncGenerator<string> {
  const shards = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  for (const shard of shards) {
    const names = (await readdir(join(folder, shard))).sort();
    for (const name of names) {
      const digest = FILE.exec(name)?.[1];
      if (digest?.startsWith(shard)) yield digest;
      else if (name.endsWith('.tmp')) temporary();
    }
  }
}
