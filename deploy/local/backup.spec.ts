/**
 * `npm run restore` refuses what is not a whole backup before it stops or moves anything (a whole backup and restore
 * stops every engine: run by hand, measured in the README's "Backups").
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

const script = path.resolve(__dirname, 'oneseal.sh');

describe('npm run backup and npm run restore', () => {
  let state: string;
  let backups: string;

  beforeEach(() => {
    const at = mkdtempSync(path.join(tmpdir(), 'oneseal-backup-'));
    // Where the postgres user can reach it, so the database counts as in the state folder (postgres.sh).
    chmodSync(at, 0o755);
    state = path.join(at, 'state');
    backups = path.join(at, 'backups');
    mkdirSync(path.join(state, 'pg'), { recursive: true });
    mkdirSync(backups);
  });

  afterEach(() => rmSync(path.dirname(state), { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync('bash', [script, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ONESEAL_STATE: state, ONESEAL_BACKUPS: backups },
    });

  it('refuses a backup changed since it was made, or cut short, changing nothing of the installation', () => {
    const archive = path.join(backups, 'oneseal-20261207T010000Z.tar.gz');
    const whole = gzipSync(Buffer.from('a tar of the state'));
    writeFileSync(archive, whole);
    writeFileSync(`${archive}.sha256`, `${'0'.repeat(64)}  ${path.basename(archive)}\n`);
    const changed = run('restore', archive);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('does not match its .sha256: it was changed or cut short');

    rmSync(`${archive}.sha256`);
    expect(run('restore', archive).stderr).toContain(
      '.sha256 beside it: copy the backup with its checksum file',
    );

    // Cut short when it was made, with the checksum of what was written.
    const cutShort = whole.subarray(0, 12);
    writeFileSync(archive, cutShort);
    writeFileSync(
      `${archive}.sha256`,
      `${createHash('sha256').update(cutShort).digest('hex')}  ${path.basename(archive)}\n`,
    );
    const cut = run('restore', archive);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('is not a whole backup (nothing was changed)');
    // Nothing was stopped, moved aside or left unpacked.
    expect(readdirSync(state).filter((name) => name !== 'logs')).toEqual(['pg']);
  });

  it('says what is missing instead of guessing', () => {
    expect(run('restore').stderr).toContain('usage: npm run restore -- FILE');
    expect(run('restore', path.join(backups, 'none.tar.gz')).stderr).toContain('no backup at');
    expect(run('backup', '/mnt/usb').stderr).toContain('usage: npm run backup [-- --to DIR]');
    rmSync(path.join(state, 'pg'), { recursive: true });
    expect(run('backup').stderr).toContain('nothing to back up');
  });
});
