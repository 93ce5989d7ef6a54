import { realpathSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sm3Hex } from '@oneseal/gm-crypto';
import { documentPdfs, PdfsInFolder, PdfsInRows } from './document-pdfs';

describe('where stamped documents’ PDFs are kept', () => {
  let folder: string;
  const pdf = Buffer.from('%PDF-1.7 受理通知书 %%EOF');
  const sm3 = sm3Hex(pdf);

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'oneseal-pdfs-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('in a folder: the row holds nothing, the file is named by its digest and read back whole', async () => {
    const pdfs = new PdfsInFolder(folder);
    expect(await pdfs.keep(pdf, sm3)).toBeNull();
    // Gzipped: `zcat` gives the PDF back.
    expect(gunzipSync(await readFile(join(folder, sm3.slice(0, 2), `${sm3}.pdf.gz`)))).toEqual(pdf);
    // No temporary file is left beside it.
    expect(await readdir(join(folder, sm3.slice(0, 2)))).toEqual([`${sm3}.pdf.gz`]);
    expect(await pdfs.read({ pdf: null, sm3 })).toEqual(pdf);
    // The same document kept again (a retried attempt) changes nothing.
    await pdfs.keep(pdf, sm3);
    expect(await pdfs.read({ pdf: null, sm3 })).toEqual(pdf);
    // Applicants' documents: readable by the service's own user only.
    expect((await stat(pdfs.pathOf(sm3))).mode & 0o777).toBe(0o600);
  });

  it('in a folder: a PDF whose row was not stored is discarded', async () => {
    const pdfs = new PdfsInFolder(folder);
    await pdfs.keep(pdf, sm3);
    await pdfs.discard(sm3);
    await expect(pdfs.read({ pdf: null, sm3 })).rejects.toThrow('no file');
    // Discarding what is not there is no error (nothing was kept, or another attempt discarded it).
    await pdfs.discard(sm3);
  });

  it('in a folder: a row stored with its PDF is read from the row', async () => {
    expect(await new PdfsInFolder(folder).read({ pdf, sm3 })).toEqual(pdf);
  });

  it('refuses a file changed on disk, and says which is missing', async () => {
    const pdfs = new PdfsInFolder(folder);
    await pdfs.keep(pdf, sm3);
    const file = pdfs.pathOf(sm3);
    await writeFile(file, gzipSync(Buffer.from('%PDF-1.7 改过的 %%EOF')));
    await expect(pdfs.read({ pdf: null, sm3 })).rejects.toThrow('is not the document that was stamped');
    await writeFile(file, Buffer.from('%PDF-1.7 改过的 %%EOF'));
    await expect(pdfs.read({ pdf: null, sm3 })).rejects.toThrow('is not the document that was stamped');
    const other = sm3Hex(Buffer.from('another'));
    await expect(pdfs.read({ pdf: null, sm3: other })).rejects.toThrow(`document ${other}: no file`);
  });

  it('in rows: a row kept in a folder cannot be read without it', async () => {
    const pdfs = new PdfsInRows();
    expect(await pdfs.keep(pdf)).toBe(pdf);
    expect(await pdfs.read({ pdf, sm3 })).toBe(pdf);
    await expect(pdfs.read({ pdf: null, sm3 })).rejects.toThrow('SEAL_DOCUMENT_FOLDER is not set');
  });

  it('stops the service at boot when the folder is not there or cannot be written to', async () => {
    const aFile = join(folder, 'not-a-folder');
    await writeFile(aFile, 'x');
    expect(() => documentPdfs(aFile)).toThrow(
      /SEAL_DOCUMENT_FOLDER .* is not a folder this service can write to/,
    );
    expect(() => documentPdfs(join(folder, 'not-mounted'))).toThrow(/ENOENT/);
    expect(documentPdfs(undefined)).toBeInstanceOf(PdfsInRows);
    expect(documentPdfs(folder)).toBeInstanceOf(PdfsInFolder);
  });

  it('in a container, stops the service at boot when the folder is not a volume mounted there', async () => {
    const mountinfo = (...lines: string[]) => {
      const path = join(folder, 'mountinfo');
      writeFileSync(path, lines.join('\n'));
      return path;
    };
    // As the kernel lists it: symbolic links resolved.
    const real = realpathSync(folder);
    const root = '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw';
    expect(() => documentPdfs(folder, true, mountinfo(root))).toThrow(
      /SEAL_DOCUMENT_FOLDER .* is on the container's own file system, not on a mounted volume/,
    );
    // A volume mounted on the folder or on a folder above it (a bind mount shows even on the device of /).
    const volume = mountinfo(
      root,
      `41 22 8:1 /var/lib/docker/volumes/d/_data ${real} rw - ext4 /dev/sda1 rw`,
    );
    expect(documentPdfs(folder, true, volume)).toBeInstanceOf(PdfsInFolder);
    const above = mountinfo(root, `41 22 0:52 / ${dirname(real)} rw - nfs4 files:/oneseal rw`);
    expect(documentPdfs(folder, true, above)).toBeInstanceOf(PdfsInFolder);
    // One in memory is lost with every restart.
    const memory = mountinfo(root, `41 22 0:53 / ${real} rw - tmpfs tmpfs rw`);
    expect(() => documentPdfs(folder, true, memory)).toThrow(/is on a file system in memory \(tmpfs at /);
    // Outside a container nothing is asked of it.
    expect(documentPdfs(folder, false, mountinfo(root))).toBeInstanceOf(PdfsInFolder);
  });
});
