/**
 * The dashboard and the alert rules name metrics by string: each must be one the code registers (or one of
 * prom-client's standard process metrics), or a panel stays empty and an alert never fires without anyone noticing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (entry === 'node_modules' || entry === 'dist') return [];
    if (statSync(full).isDirectory()) return sources(full);
    return entry.endsWith('.ts') && !entry.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Metric names the code registers (`name: 'oneseal_…'`), with the series a histogram adds. */
const registered = new Set(
  ['libs', 'services']
    .flatMap((folder) => sources(path.join(root, folder)))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/name: '(oneseal_[a-z_]+)'/g)].map((m) => m[1]),
    )
    .flatMap((name) => [name, `${name}_bucket`, `${name}_count`, `${name}_sum`]),
);
const STANDARD = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_eventloop_lag_seconds',
];

/** The targets Prometheus scrapes for a job (deploy/monitoring/prometheus.yml). */
function targetsOf(job: string): string[] {
  const scrape = parse(read('deploy/monitoring/prometheus.yml')) as {
    scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
  };
  return scrape.scrape_configs
    .filter((config) => config.job_name === job)
    .flatMap((config) => config.static_configs.flatMap((c) => c.targets));
}

/** Metric names in a PromQL expression: identifiers followed by a selector, a range or the end. */
const metricsIn = (expr: string) =>
  [...expr.matchAll(/\b((?:oneseal|process|nodejs)_[a-z_]+)\b/g)].map((match) => match[1]);

describe('the monitoring definitions in deploy/monitoring', () => {
  it('the code registers the metrics it relies on', () => {
    for (const name of [
      'oneseal_http_request_duration_seconds',
      'oneseal_outbox_pending',
      'oneseal_cases_at_risk',
    ])
      expect(registered.has(name)).toBe(true);
  });

  it('the dashboard shows only metrics the services publish', () => {
    const dashboard = JSON.parse(read('deploy/monitoring/grafana-dashboard.json')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    expect(dashboard.panels.length).toBeGreaterThan(5);
    for (const panel of dashboard.panels)
      for (const target of panel.targets)
        for (const metric of metricsIn(target.expr))
          expect([panel.title, metric, registered.has(metric) || STANDARD.includes(metric)]).toEqual([
            panel.title,
            metric,
            true,
          ]);
  });

  it('the alert rules watch only metrics the services publish, and Prometheus scrapes every service', () => {
    const rules = parse(read('deploy/monitoring/oneseal-alerts.yml')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    for (const rule of rules.groups.flatMap((group) => group.rules))
      for (const metric of metricsIn(rule.expr))
        expect([rule.alert, metric, registered.has(metric)]).toEqual([rule.alert, metric, true]);
    const { services } = JSON.parse(read('deploy/services.json')) as {
      services: Record<string, { port: number }>;
    };
    // The cluster profile's Temporal Server too, on the port its image publishes metrics on.
    expect(targetsOf('temporal')).toEqual(['temporal:8000']);
    expect(read('compose.cluster.yml')).toContain('PROMETHEUS_ENDPOINT: 0.0.0.0:8000');
    expect(targetsOf('oneseal').sort()).toEqual(
      Object.entries(services)
        .map(([name, { port }]) => `${name}:${port}`)
        .sort(),
    );
  });

  // Each engine's recorded list of what it publishes (see the head of each file for how it was recorded); the e2e
  // test engine-metrics.e2e-spec.ts checks the running engines still publish them.
  const ENGINE_METRICS = {
    temporal: 'deploy/monitoring/temporal-server-metrics.txt',
    kafka: 'deploy/monitoring/kafka-broker-metrics.txt',
    postgres: 'deploy/monitoring/postgres-exporter-metrics.txt',
  } as const;
  const publishedBy = (job: keyof typeof ENGINE_METRICS) =>
    new Set(
      read(ENGINE_METRICS[job])
        .split('\n')
        .filter((line) => line && !line.startsWith('#')),
    );
  /** The metric names of an expression that reads from one engine's job. */
  const engineMetricsIn = (expr: string) => [...expr.matchAll(/\b([a-z_]+)\{/g)].map((match) => match[1]);
  /** Published as it is named, or as the histogram whose series it is. */
  const isPublished = (published: Set<string>, metric: string) =>
    published.has(metric) || published.has(metric.replace(/_(bucket|count|sum)$/, ''));

  it.each(['temporal', 'kafka', 'postgres'] as const)(
    "the dashboard's %s panels show only metrics that engine publishes",
    (job) => {
      const published = publishedBy(job);
      const dashboard = JSON.parse(read('deploy/monitoring/grafana-dashboard.json')) as {
        panels: { title: string; targets: { expr: string }[] }[];
      };
      const exprs = dashboard.panels.flatMap((panel) =>
        panel.targets.filter((target) => target.expr.includes(`job="${job}"`)).map((target) => target.expr),
      );
      expect(exprs.length).toBeGreaterThanOrEqual(4);
      for (const expr of exprs) {
        const metrics = engineMetricsIn(expr);
        expect(metrics.length).toBeGreaterThan(0);
        for (const metric of metrics)
          expect([expr, metric, isPublished(published, metric)]).toEqual([expr, metric, true]);
      }
    },
  );

  it("the engines' alerts watch metrics the engines publish, and Prometheus scrapes every broker and PostgreSQL", () => {
    const rules = parse(read('deploy/monitoring/oneseal-alerts.yml')) as {
      groups: { name: string; rules: { alert: string; expr: string }[] }[];
    };
    const engineRules = rules.groups.find((group) => group.name === 'engines')?.rules ?? [];
    expect(engineRules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining(['KafkaPartitionsUnderReplicated', 'KafkaNoController', 'PostgresDown']),
    );
    for (const rule of engineRules) {
      // Prometheus's own `up` is every scrape target's, whichever engine.
      const metrics = engineMetricsIn(rule.expr).filter((metric) => metric !== 'up');
      if (metrics.length === 0) continue;
      const job = /job="(kafka|postgres|temporal)"/.exec(rule.expr)?.[1] as keyof typeof ENGINE_METRICS;
      expect([rule.alert, Boolean(job)]).toEqual([rule.alert, true]);
      const published = publishedBy(job);
      for (const metric of metrics)
        expect([rule.alert, metric, isPublished(published, metric)]).toEqual([rule.alert, metric, true]);
    }
    // A total outage still alerts: the engine's own figure absent, or its scrape target down.
    const exprOf = (alert: string) => engineRules.find((rule) => rule.alert === alert)?.expr ?? '';
    expect(exprOf('KafkaNoController')).toContain('absent(');
    expect(exprOf('PostgresDown')).toContain('absent(');
    expect(exprOf('EngineMetricsUnreachable')).toMatch(/up\{job=~"[^"]*kafka[^"]*"\} == 0/);
    expect(targetsOf('kafka')).toEqual(['kafka:9404', 'kafka-2:9404', 'kafka-3:9404']);
    expect(targetsOf('postgres')).toEqual(['postgres-exporter:9187']);
    // The rules file the brokers load is the one in deploy/local, and it keeps the names the dashboard reads.
    expect(read('deploy/local/lib/kafka.sh')).toContain('KAFKA_JMX_RULES="$LOCAL/kafka/jmx-exporter.yml"');
  });
});
