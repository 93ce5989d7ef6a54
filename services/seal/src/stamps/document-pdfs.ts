import { randomBytes } from 'node:crypto';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { sm3Hex } from '@oneseal/gm-crypto';
import { volumeProblem } from './mounted-volume';

const gzipped = promisify(gzip);
const gunzipped = promisify(gunzip);

/**
 * A stored document whose PDF cannot be read as it was stamped: its file is not in the document folder, is not the
 * document that was stamped, or is kept in a folder this service was not given. Never served as the document.
 */
export class DocumentFileUnreadable extends Error {
  constructor(
    readonly sm3: string,
    readonly state: 'missing' | 'changed' | 'no-folder',
    where: string,
  ) {
    super(
      state === 'missing'
        ? `document ${sm3}: no file in the document folder ${where}`
        : state === 'changed'
          ? `document ${sm3}: the file in ${where} is not the document that was stamped`
          : `document ${sm3} is kept in a document folder, and SEAL_DOCUMENT_FOLDER is not set`,
    );
    this.name = 'DocumentFileUnreadable';
  }
}

/** A stored document's row as far as its PDF goes: the bytes when the row holds them, and their SM3 digest. */
export interface DocumentPdfRow {
  pdf?: Buffer | null;
  sm3: string;
}

/**
 * Where stamped documents' PDFs are kept: in their database rows (the default), or in a folder beside the database
 * (SEAL_DOCUMENT_FOLDER), each file named by its SM3 digest. A row from either way is read by both, so a service
 * given a folder later still serves what it stored before.
 */
export interface DocumentPdfs {
  /** Keeps a new document's PDF; returns what its row's pdf column holds (null when the folder keeps it). */
  keep(pdf: Buffer, sm3: string): Promise<Buffer | null>;
  /** Lets go of a PDF kept for a document whose row was certainly not stored (another attempt's was). */
  discard(sm3: string): Promise<void>;
  read(row: DocumentPdfRow): Promise<Buffer>;
}

/** PDFs in their rows: each is written with the document and its stamp, in one statement. */
export class PdfsInRows implements DocumentPdfs {
  keep(pdf: Buffer): Promise<Buffer> {
    return Promise.resolve(pdf);
  }

  discard(): Promise<void> {
    return Promise.resolve();
  }

  read(row: DocumentPdfRow): Promise<Buffer> {
    if (row.pdf) return Promise.resolve(row.pdf);
    // Stored by a service that kept its PDFs in a folder: this one was started without it (an operator's mistake,
    // logged for the operator; the reader is told the file cannot be read now).
    return Promise.reject(new DocumentFileUnreadable(row.sm3, 'no-folder', ''));
  }
}

/**
 * PDFs in a folder, `<folder>/<first two hex digits>/<SM3>.pdf.gz`: a million cases' three documents (about 125 GB)
 * stay out of the database, its WAL and its backups' critical path. Each is gzipped (level 1, about 1 ms): half of a
 * stamped PDF is its stamp slot's padding, so a file takes 40 KB instead of 80 (`zcat` gives the PDF back). A file
 * is written whole (a temporary name, fsync, rename, fsync of its folder) before the row that names it commits, so a
 * row never names a file that is not there; a crash in between leaves a file no row names, which nothing reads.
 * Reading checks the digest: a file changed on disk is refused, never served as the stamped document.
 */
export class PdfsInFolder implements DocumentPdfs {
  constructor(readonly folder: string) {}

  pathOf(sm3: string): string {
    if (!/^[0-9a-f]{64}$/.test(sm3)) throw new Error(`not an SM3 digest: ${sm3}`);
    return join(this.folder, sm3.slice(0, 2), `${sm3}.pdf.gz`);
  }

  async keep(pdf: Buffer, sm3: string): Promise<null> {
    const path = this.pathOf(sm3);
    const shard = dirname(path);
    // A folder made now is made durable in its parent too: the file's own sync does not record the folder's name.
    if (await mkdir(shard, { recursive: true, mode: 0o700 })) await syncFolder(this.folder);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(await gzipped(pdf, { level: 1 }));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncFolder(shard);
    return null;
  }

  async discard(sm3: string): Promise<void> {
    await rm(this.pathOf(sm3), { force: true });
  }

  async read(row: DocumentPdfRow): Promise<Buffer> {
    if (row.pdf) return row.pdf;
    const loaded = await this.load(row.sm3);
    if (typeof loaded !== 'string') return loaded;
    throw new DocumentFileUnreadable(row.sm3, loaded, this.folder);
  }

  /** Whether a document's file is there and is the PDF that was stamped (read whole; for the folder's check). */
  async state(sm3: string): Promise<'intact' | 'missing' | 'changed'> {
    const loaded = await this.load(sm3);
    return typeof loaded === 'string' ? loaded : 'intact';
  }

  private async load(sm3: string): Promise<Buffer | 'missing' | 'changed'> {
    let pdf: Buffer;
    try {
      pdf = await gunzipped(await readFile(this.pathOf(sm3)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT') return 'missing';
      // No longer gzip: changed on disk.
      if (code.startsWith('Z_')) return 'changed';
      throw error;
    }
    return sm3Hex(pdf) === sm3 ? pdf : 'changed';
  }
}

async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** The injection token of the service's DocumentPdfs. */
export const DOCUMENT_PDFS = Symbol('DOCUMENT_PDFS');

/**
 * The document folder, checked at boot: it must be there and writable (compose and Kubernetes mount it, `npm start`
 * makes it), so that a missing mount stops the service before any document is sealed.
 */
export function documentFolder(folder: string, mustBeMounted = false, mountinfoPath?: string): PdfsInFolder {
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new Error(
      `SEAL_DOCUMENT_FOLDER ${folder} is not a folder this service can write to: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const problem = mustBeMounted ? volumeProblem(folder, mountinfoPath) : undefined;
  if (problem)
    throw new Error(
      `SEAL_DOCUMENT_FOLDER ${folder} ${problem}: stamped PDFs kept there would be lost. Mount the document volume ` +
        'there (docker-compose.yml: seal-documents; Kubernetes: the seal-documents claim), or set ' +
        'SEAL_DOCUMENT_FOLDER_MOUNTED=no where the folder is a lasting disk of the machine itself.',
    );
  return new PdfsInFolder(folder);
}

/**
 * The service's DocumentPdfs: in the folder when it is given one (on a volume mounted there, when `mustBeMounted`),
 * else in the rows.
 */
export function documentPdfs(
  folder: string | undefined,
  mustBeMounted = false,
  mountinfoPath?: string,
): DocumentPdfs {
  return folder ? documentFolder(folder, mustBeMounted, mountinfoPath) : new PdfsInRows();
}
