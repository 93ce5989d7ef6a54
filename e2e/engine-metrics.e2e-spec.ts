import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { engineEndpoints, eventually } from '@oneseal/testing';
import { fileCase, openTask } from './case-api';

/** Each engine's own metrics, as Prometheus scrapes them (deploy/monitoring/prometheus.yml, jobs temporal/kafka/postgres). */
const { metrics } = engineEndpoints();

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  expect([url, response.status]).toEqual([url, 200]);
  return response.text();
}

/** The metric families a scrape declares (`# TYPE` lines). */
const familiesOf = (text: string) => new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]));

/** The value of each series of a metric (without labels) in a scrape. */
const valuesOf = (text: string, metric: string) =>
  [...text.matchAll(new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].map((match) => Number(match[1]));

/** The families recorded in deploy/monitoring, which the dashboard and the alert rules are checked against. */
function recorded(file: string): string[] {
  return readFileSync(path.resolve(__dirname, '../deploy/monitoring', file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
}

describe("the engines' own metrics, as Prometheus reads them", () => {
  it('PostgreSQL: its exporter reaches the database and publishes every family the dashboard and alerts may name', async () => {
    // One scrape may meet the database too busy to answer the exporter (pg_up 0 for that scrape); Prometheus
    // scrapes again, and so does this test, for a few seconds, before calling it down.
    const text = await eventually(
      'the exporter reaching the database',
      async () => {
        const scraped = await scrape(metrics.postgres);
        return valuesOf(scraped, 'pg_up')[0] === 1 ? scraped : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 1_000 },
    );
    expect(valuesOf(text, 'pg_up')).toEqual([1]);
    const families = familiesOf(text);
    const missing = recorded('postgres-exporter-metrics.txt').filter((family) => !families.has(family));
    expect(missing).toEqual([]);
    // The system's own database is among those counted.
    expect(text).toMatch(/^pg_stat_database_xact_commit\{[^}]*datname="oneseal[^"]*"/m);
  });

  it('Kafka: every broker publishes its rules’ families; one controller, no partition short of replicas', async () => {
    expect(metrics.kafka.length).toBeGreaterThanOrEqual(1);
    const scrapes = await Promise.all(metrics.kafka.map(scrape));
    const expected = recorded('kafka-broker-metrics.txt');
    for (const [index, text] of scrapes.entries()) {
      const families = familiesOf(text);
      expect([metrics.kafka[index], expected.filter((family) => !families.has(family))]).toEqual([
        metrics.kafka[index],
        [],
      ]);
      expect(valuesOf(text, 'kafka_server_replica_manager_underreplicatedpartitions')).toEqual([0]);
      expect(valuesOf(text, 'kafka_controller_offlinepartitionscount')).toEqual([0]);
    }
    const controllers = scrapes.flatMap((text) => valuesOf(text, 'kafka_controller_activecontrollercount'));
    expect(controllers.reduce((sum, value) => sum + value, 0)).toBe(1);
    // The services' topics are led by these brokers.
    const partitions = scrapes.flatMap((text) =>
      valuesOf(text, 'kafka_server_replica_manager_partitioncount'),
    );
    expect(partitions.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(0);
  });

  it("Temporal: the server publishes the families the dashboard's Temporal panels read, once a case runs", async () => {
    // Temporal registers some families on first use (the latency of a history task): a case filed makes them.
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    await openTask(filed.caseId, 0);
    const dashboard = JSON.parse(
      readFileSync(path.resolve(__dirname, '../deploy/monitoring/grafana-dashboard.json'), 'utf8'),
    ) as { panels: { targets: { expr: string }[] }[] };
    const read = dashboard.panels
      .flatMap((panel) => panel.targets.map((target) => target.expr))
      .filter((expr) => expr.includes('job="temporal"'))
      .flatMap((expr) => [...expr.matchAll(/\b([a-z_]+)\{/g)].map((match) => match[1]))
      .map((name) => name.replace(/_(bucket|count|sum)$/, ''));
    expect(read.length).toBeGreaterThan(0);
    const missing = await eventually('the Temporal families the dashboard reads', async () => {
      const families = familiesOf(await scrape(metrics.temporal));
      const absent = read.filter((family) => !families.has(family));
      return absent.length === 0 ? absent : undefined;
    });
    expect(missing).toEqual([]);
  });
});
