import { LoggerModule } from 'nestjs-pino';

/**
 * Structured JSON logs with the service name on every line; request logs without bodies, auth headers or response
 * headers.
 */
export function serviceLoggerModule(service: string, level: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      // Reads that went well are the bulk (inboxes and lists polled all day) and say little: debug. Changes, refusals
      // and failures stay at info and above; /metrics has the counts and latencies of everything.
      customLogLevel: (req, res, error) =>
        error || res.statusCode >= 500
          ? 'error'
          : res.statusCode >= 400
            ? 'warn'
            : req.method === 'GET' || req.method === 'HEAD'
              ? 'debug'
              : 'info',
      serializers: {
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        req: (req: { method: string; url: string; id: unknown }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
    },
  });
}
