/**
 * Where the engines are. `npm test` exports these from `deploy/local/engines.sh paths`; the defaults match
 * that script's, so a test run by hand against `npm start`'s engines needs no setup.
 */
export function engineEndpoints() {
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://oneseal@127.0.0.1:55432/oneseal';
  return {
    databaseUrl,
    /** A superuser on the same cluster, for creating and dropping test databases. */
    databaseAdminUrl:
      process.env.DATABASE_ADMIN_URL ?? withDatabase(withUser(databaseUrl, 'postgres'), 'postgres'),
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    temporalAddress: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    /** Test runs use their own namespace, so they never see the local system's workflows. */
    temporalNamespace: process.env.TEMPORAL_TEST_NAMESPACE ?? 'oneseal-test',
    /** The time-skipping test server binary (downloaded by engines.sh into the cache). */
    temporalTestServer: process.env.TEMPORAL_TEST_SERVER,
    /** The Temporal CLI (its dev server), for a suite that needs a server of its own. */
    temporalCli: process.env.TEMPORAL_CLI,
    /** Where each engine publishes its own metrics for Prometheus. */
    metrics: {
      temporal: process.env.TEMPORAL_METRICS_URL ?? 'http://127.0.0.1:8000/metrics',
      postgres: process.env.PG_METRICS_URL ?? 'http://127.0.0.1:9187/metrics',
      kafka: (process.env.KAFKA_METRICS_URLS ?? 'http://127.0.0.1:9404/metrics').split(' ').filter(Boolean),
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withUser(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  return parsed.toString();
}
