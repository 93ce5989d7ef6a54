/**
 * The cluster profile's own document folder, made on its first start from the folder both profiles shared before
 * 2026-12-08 (profile-documents.mjs, run as stack.mjs runs it: a Node ES module).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const MODULE = path.join(__dirname, 'profile-documents.mjs');

function link(shared: string, folder: string, digests: string[]): number {
  const script = `import { linkProfileDocuments } from ${JSON.stringify(MODULE)};
    process.stdout.write(String(linkProfileDocuments(...JSON.parse(process.argv[1]))));`;
  return Number(
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', script, JSON.stringify([shared, folder, digests])],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
}

describe("the cluster profile's document folder, taken apart from the shared one", () => {
  let state: string;
  const digest = (character: string) => character.repeat(64);
  const fileOf = (folder: string, sm3: string) => path.join(folder, sm3.slice(0, 2), `${sm3}.pdf.gz`);

  beforeEach(() => {
    state = mkdtempSync(path.join(tmpdir(), 'profile-documents-'));
  });
  afterEach(() => rmSync(state, { recursive: true, force: true }));

  it("links the files the cluster database names, leaves the embedded profile's, and keeps the shared folder whole", () => {
    const shared = path.join(state, 'documents');
    const own = path.join(state, 'documents-cluster');
    const [clusters, embeddeds, lost] = [digest('a'), digest('b'), digest('c')];
    for (const sm3 of [clusters, embeddeds]) {
      mkdirSync(path.dirname(fileOf(shared, sm3)), { recursive: true });
      writeFileSync(fileOf(shared, sm3), sm3);
    }
    // The cluster database also names a document whose file is not there: the check will say it is missing.
    expect(link(shared, own, [clusters, lost])).toBe(1);
    expect(readdirSync(own, { recursive: true }).sort()).toEqual([
      'aa',
      path.join('aa', `${clusters}.pdf.gz`),
    ]);
    // The same file under both names, not a copy.
    expect(statSync(fileOf(own, clusters)).ino).toBe(statSync(fileOf(shared, clusters)).ino);
    expect(existsSync(fileOf(shared, clusters)) && existsSync(fileOf(shared, embeddeds))).toBe(true);
    expect(existsSync(`${own}.linking`)).toBe(false);
  });

  it('makes an empty folder when nothing was shared, and refuses a folder that exists (nothing linked twice)', () => {
    const shared = path.join(state, 'documents');
    mkdirSync(shared);
    const own = path.join(state, 'documents-cluster');
    expect(link(shared, own, [digest('d')])).toBe(0);
    expect(readdirSync(own)).toEqual([]);
    expect(() => link(shared, own, [])).toThrow('exists already');
  });

  it('starts again from nothing after a start stopped halfway', () => {
    const shared = path.join(state, 'documents');
    const own = path.join(state, 'documents-cluster');
    mkdirSync(path.join(`${own}.linking`, 'ee'), { recursive: true });
    writeFileSync(path.join(`${own}.linking`, 'ee', 'left.pdf.gz'), 'half');
    mkdirSync(path.dirname(fileOf(shared, digest('f'))), { recursive: true });
    writeFileSync(fileOf(shared, digest('f')), 'f');
    expect(link(shared, own, [digest('f')])).toBe(1);
    expect(readdirSync(own, { recursive: true }).sort()).toEqual([
      'ff',
      path.join('ff', `${digest('f')}.pdf.gz`),
    ]);
  });
});
