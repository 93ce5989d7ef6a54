import { eventually, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { ChannelListener } from '../src';

const until = (what: () => boolean, timeoutMs = 10_000) =>
  eventually('the condition to hold', async () => (what() ? true : undefined), { timeoutMs, intervalMs: 20 });

describe('a LISTEN connection that keeps listening (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  beforeAll(async () => {
    suite = await openSuiteDataSource('channel_listener', { schema: 'intake', entities: [] });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('hears what is announced once it commits, listens again after losing its connection, and stops', async () => {
    const heard: string[] = [];
    let again = 0;
    const warnings: string[] = [];
    const listener = new ChannelListener({
      databaseUrl: (suite.dataSource.options as { url: string }).url,
      channel: 'listener_test',
      onNotification: (payload) => heard.push(payload),
      onListeningAgain: () => (again += 1),
      logger: { warn: (message) => warnings.push(message) },
      retryDelayMs: 50,
    });
    await listener.start();
    await suite.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_notify('listener_test', 'first')`);
      expect(heard).toEqual([]);
    });
    await until(() => heard.length === 1);

    await suite.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query = 'LISTEN listener_test'`,
    );
    await until(() => again === 1);
    expect(listener.listening).toBe(true);
    await suite.dataSource.query(`SELECT pg_notify('listener_test', 'second')`);
    await until(() => heard.length === 2);
    expect(heard).toEqual(['first', 'second']);
    expect(warnings.some((warning) => warning.includes('connection lost'))).toBe(true);

    await listener.stop();
    await suite.dataSource.query(`SELECT pg_notify('listener_test', 'after')`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(['first', 'second']);
  });

  it('starts without a database it cannot reach, keeps trying, and stops trying when stopped', async () => {
    const warnings: string[] = [];
    const listener = new ChannelListener({
      databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
      channel: 'listener_test',
      onNotification: () => undefined,
      logger: { warn: (message) => warnings.push(message) },
      retryDelayMs: 20,
    });
    await listener.start();
    expect(listener.listening).toBe(false);
    await until(() => warnings.length >= 3);
    await listener.stop();
    const tried = warnings.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warnings).toHaveLength(tried);
  });

  it('refuses a channel name it would have to quote', () => {
    expect(
      () =>
        new ChannelListener({
          databaseUrl: 'postgres://x@127.0.0.1/x',
          channel: 'Inbox"; DROP TABLE x; --',
          onNotification: () => undefined,
          logger: { warn: () => undefined },
        }),
    ).toThrow(/not a channel name/);
  });
});
