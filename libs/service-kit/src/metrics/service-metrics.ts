import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, register, type Registry } from 'prom-client';

/**
 * What every service shows on /metrics (Prometheus text format): its process (CPU seconds, memory, event loop lag,
 * the standard names), its HTTP requests by route and status, and whatever its libraries add to the same registry
 * (events consumed, activities run, outbox backlog, deadlines at risk). Read on the service's own port by the
 * platform's Prometheus, never through the console.
 */
export function serveMetrics(
  app: NestExpressApplication,
  service: string,
  registry: Registry = register,
): void {
  if (!metricsStarted) {
    registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: registry });
    metricsStarted = true;
  }
  app.use(timeRequests);
  app.use('/metrics', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET') return next();
    registry
      .metrics()
      .then((text) => {
        response.setHeader('content-type', registry.contentType);
        response.end(text);
      })
      .catch(next);
  });
}

let metricsStarted = false;

const requestDuration = new Histogram({
  name: 'oneseal_http_request_duration_seconds',
  help: 'HTTP requests by method, route template and status, and how long they took',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** By route template (/cases/:caseId), never the URL itself: the number of series stays small. */
function timeRequests(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/metrics') return next();
  const end = requestDuration.startTimer();
  response.on('finish', () => {
    // An event stream (待办变动) lasts minutes by design: it is not a slow request.
    if (String(response.getHeader('content-type') ?? '').startsWith('text/event-stream')) return;
    const template = (request.route as { path?: string } | undefined)?.path;
    end({
      method: request.method,
      route: template ? `${request.baseUrl}${template}` : 'unmatched',
      status: String(response.statusCode),
    });
  });
  next();
}

/**
 * A gauge read from the database when Prometheus scrapes (a backlog, cases at risk): the query runs then, not on a
 * timer, and a failed read leaves the series out instead of failing the scrape.
 */
export function gaugeFromQuery<TLabel extends string>(config: {
  name: string;
  help: string;
  labelNames: readonly TLabel[];
  read: () => Promise<{ labels: Record<TLabel, string>; value: number }[]>;
}): Gauge<TLabel> {
  const existing = register.getSingleMetric(config.name) as Gauge<TLabel> | undefined;
  if (existing) return existing;
  return new Gauge<TLabel>({
    name: config.name,
    help: config.help,
    labelNames: config.labelNames,
    async collect() {
      this.reset();
      try {
        for (const { labels, value } of await config.read()) this.set(labels, value);
      } catch {
        // The database being down shows in /health; the scrape goes on without this series.
      }
    },
  });
}
