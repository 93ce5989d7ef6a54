import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createSuiteDatabase, type SuiteDatabase } from '@oneseal/testing';
import { verifyPassword } from '../src/passwords/password-hash';

const seed = join(__dirname, '../dist/seed.js');

describe('identity seed without demo accounts (the production compose file)', () => {
  let database: SuiteDatabase;

  beforeAll(async () => {
    database = await createSuiteDatabase('identity_production_seed');
  });

  afterAll(async () => {
    await database?.drop();
  });

  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [seed], {
      env: { PATH: process.env.PATH, DATABASE_URL: database.url, ONESEAL_DEMO_ACCOUNTS: '0', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  const accounts = async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (
        await client.query<{ login_name: string; display_name: string; password_hash: string }>(
          'SELECT login_name, display_name, password_hash FROM identity.users ORDER BY login_name',
        )
      ).rows;
    } finally {
      await client.end();
    }
  };

  it('refuses to run without the administrator’s password, naming the variable, and creates nobody', async () => {
    const result = run({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'ONESEAL_ADMIN_PASSWORD: ONESEAL_ADMIN_PASSWORD must be at least 12 characters',
    );
    expect(await accounts()).toEqual([]);
  });

  it('creates the platform administrator alone, with the password from a secret file, and keeps it on a rerun', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oneseal-admin-'));
    const passwordFile = join(folder, 'admin-password');
    // Passwords made for this run, as make-secrets.sh makes the real one.
    const chosen = randomBytes(12).toString('hex');
    writeFileSync(passwordFile, `${chosen}\n`);
    expect(run({ ONESEAL_ADMIN_PASSWORD_FILE: passwordFile }).status).toBe(0);

    writeFileSync(passwordFile, `${randomBytes(12).toString('hex')}\n`);
    const again = run({ ONESEAL_ADMIN_PASSWORD_FILE: passwordFile });
    expect(again.stdout).toContain('already present, kept');

    const [admin, ...others] = await accounts();
    expect(others).toEqual([]);
    expect(admin).toEqual(
      expect.objectContaining({ login_name: 'system-admin', display_name: '平台系统管理员' }),
    );
    expect(await verifyPassword(chosen, admin.password_hash)).toBe(true);
    expect(await verifyPassword('oneseal-demo', admin.password_hash)).toBe(false);
  });
});
