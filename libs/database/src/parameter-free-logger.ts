import type { Logger as TypeOrmLogger } from 'typeorm';

/** Where the lines go: the service's logger in production, anything with these methods in tests. */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  log(message: string): void;
}

const QUERY_SHOWN = 300;

/**
 * TypeORM's logging without the values: a failed query is logged with its SQL (placeholders only) and the
 * database's message, never its parameters — those are applicants' names, ID numbers and phones. (TypeORM's own
 * logger prints them; the ordinary race of two retries with one Idempotency-Key would put them in the log.)
 */
export class ParameterFreeLogger implements TypeOrmLogger {
  constructor(private readonly sink: LogSink = console) {}

  /** Ordinary queries are not logged ('error' and 'migration' logging only). */
  logQuery(): void {
    return;
  }

  logQuerySlow(time: number, query: string): void {
    this.sink.warn(`slow query (${time} ms): ${query.slice(0, QUERY_SHOWN)}`);
  }

  // The parameters are deliberately not used.
  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    const message = typeof error === 'string' ? error : error.message;
    this.sink.error(`query failed: ${message} -- ${query.replace(/\s+/g, ' ').slice(0, QUERY_SHOWN)}`);
  }

  /** Schemas are built by migrations only (synchronize is off). */
  logSchemaBuild(): void {
    return;
  }

  logMigration(message: string): void {
    this.sink.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink.warn(String(message));
  }
}
