import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidEnvironmentError, validateEnv } from './validate-env';
import { TemporalServiceEnv } from './service-env';

const complete = {
  HTTP_PORT: '3102',
  DATABASE_URL: 'postgres://oneseal@127.0.0.1:55432/oneseal',
  KAFKA_BROKERS: '127.0.0.1:9092',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
};

describe('validateEnv at boot', () => {
  it('converts and defaults a complete environment', () => {
    const env = validateEnv('routing', TemporalServiceEnv, complete);
    expect(env.HTTP_PORT).toBe(3102);
    expect(env.HTTP_HOST).toBe('127.0.0.1');
    expect(env.TEMPORAL_NAMESPACE).toBe('default');
    expect(env.TEMPORAL_WORKER_ENABLED).toBe(1);
    expect(env.KAFKA_GROUP_PREFIX).toBe('oneseal');
    expect(env.PUBLISHED_EVENTS_KEEP_DAYS).toBe(1);
    expect(env.CONSUMED_EVENTS_KEEP_DAYS).toBe(30);
  });

  it('keeps consumed events at least as long as Kafka may deliver them again', () => {
    expect(
      validateEnv('routing', TemporalServiceEnv, { ...complete, CONSUMED_EVENTS_KEEP_DAYS: '90' })
        .CONSUMED_EVENTS_KEEP_DAYS,
    ).toBe(90);
    const refusal = (days: string) => () =>
      validateEnv('routing', TemporalServiceEnv, { ...complete, CONSUMED_EVENTS_KEEP_DAYS: days });
    expect(refusal('14')).toThrow(
      /CONSUMED_EVENTS_KEEP_DAYS: .*must be at least 15: Kafka may deliver an event again/,
    );
    expect(refusal('7.5')).toThrow(/CONSUMED_EVENTS_KEEP_DAYS must be a whole number of days \(got "7.5"\)/);
    expect(refusal('a week')).toThrow(
      /CONSUMED_EVENTS_KEEP_DAYS must be a whole number of days \(got "a week"\)/,
    );
  });

  it('names every missing or malformed variable in one error', () => {
    let error: unknown;
    try {
      validateEnv('routing', TemporalServiceEnv, {
        ...complete,
        DATABASE_URL: undefined,
        HTTP_PORT: '99999',
        KAFKA_BROKERS: 'localhost',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const message = (error as Error).message;
    expect(message).toContain('routing cannot start');
    expect(message).toMatch(/DATABASE_URL: DATABASE_URL must look like postgres:\/\/.*\(got nothing\)/);
    expect(message).toMatch(/HTTP_PORT: .*\(got "99999"\)/);
    expect(message).toMatch(/KAFKA_BROKERS: .*host:port \(got "localhost"\)/);
    expect((error as InvalidEnvironmentError).problems).toHaveLength(3);
  });

  it('reads a secret from the file NAME_FILE names when NAME is not set (Docker and Kubernetes secrets)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'oneseal-env-'));
    const file = join(folder, 'database-url');
    // A password made for this run: nothing that looks like a credential is kept in the repository.
    const url = `postgres://oneseal_routing:${randomBytes(12).toString('hex')}@db:5432/oneseal`;
    writeFileSync(file, `${url}\n`);
    const env = validateEnv('routing', TemporalServiceEnv, {
      ...complete,
      DATABASE_URL: undefined,
      DATABASE_URL_FILE: file,
    });
    expect(env.DATABASE_URL).toBe(url);
  });

  it('prefers the variable itself to its file, and names a file it cannot read', () => {
    const given = validateEnv('routing', TemporalServiceEnv, {
      ...complete,
      DATABASE_URL_FILE: '/nonexistent',
    });
    expect(given.DATABASE_URL).toBe(complete.DATABASE_URL);
    expect(() =>
      validateEnv('routing', TemporalServiceEnv, {
        ...complete,
        DATABASE_URL: undefined,
        DATABASE_URL_FILE: '/nonexistent/secret',
      }),
    ).toThrow(/DATABASE_URL_FILE: cannot read \/nonexistent\/secret \(ENOENT\)/);
  });
});
