import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const main = join(__dirname, '../dist/main.js');

describe('intake boot', () => {
  it('refuses to start with a bad environment and names every bad variable', () => {
    const result = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, HTTP_PORT: 'eighty', KAFKA_BROKERS: '127.0.0.1:9092' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'intake failed to start: intake cannot start: its environment is invalid',
    );
    expect(result.stderr).toMatch(/DATABASE_URL: DATABASE_URL must look like postgres:\/\//);
    expect(result.stderr).toMatch(/HTTP_PORT: .*\(got "eighty"\)/);
    expect(result.stderr).toMatch(
      /AUTH_PUBLIC_KEY_FILE: AUTH_PUBLIC_KEY_FILE must name a readable Ed25519 public key PEM file/,
    );
    expect(result.stderr).not.toMatch(/KAFKA_BROKERS:/);
  });
});
