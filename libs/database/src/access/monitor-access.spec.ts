import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { monitorAccessFromEnv, monitorRoleName } from './monitor-access';

describe("the monitoring role's settings, as the migrate step is given them", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'oneseal-monitor-access-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is oneseal_monitor for the owner role every profile has', () => {
    expect(monitorRoleName('oneseal')).toBe('oneseal_monitor');
  });

  it('has no password where none is configured (the local cluster trusts loopback)', () => {
    expect(monitorAccessFromEnv({})).toEqual({});
  });

  it('reads the password from the secret file compose and Kubernetes mount, without its newline', () => {
    const file = path.join(folder, 'database-password-monitor');
    writeFileSync(file, `${'a1'.repeat(24)}\n`);
    expect(monitorAccessFromEnv({ DATABASE_MONITOR_PASSWORD_FILE: file })).toEqual({
      password: 'a1'.repeat(24),
    });
  });

  it('takes DATABASE_MONITOR_PASSWORD over the file, as every NAME_FILE setting', () => {
    expect(
      monitorAccessFromEnv({
        DATABASE_MONITOR_PASSWORD: 'b2'.repeat(8),
        DATABASE_MONITOR_PASSWORD_FILE: path.join(folder, 'missing'),
      }),
    ).toEqual({ password: 'b2'.repeat(8) });
  });

  it('refuses a file it cannot read and a short password, rather than leave the role without the one meant', () => {
    expect(() =>
      monitorAccessFromEnv({ DATABASE_MONITOR_PASSWORD_FILE: path.join(folder, 'missing') }),
    ).toThrow(/ENOENT/);
    expect(() => monitorAccessFromEnv({ DATABASE_MONITOR_PASSWORD: 'short' })).toThrow(/at least 16/);
  });
});
