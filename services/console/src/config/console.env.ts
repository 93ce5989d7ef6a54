import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy, buildMessage } from 'class-validator';
import { HttpServiceEnv, validateEnv } from '@oneseal/service-kit';

/** The services whose APIs the console passes requests to, under /api/<name>/. */
export const UPSTREAM_SERVICES = [
  'intake',
  'routing',
  'approval',
  'seal',
  'notification',
  'audit',
  'identity',
] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];
/** Each service's replicas, by base URL (one or more). */
export type Upstreams = Record<UpstreamService, readonly string[]>;

/**
 * "intake=http://127.0.0.1:3101|http://127.0.0.1:4101,routing=…" → { intake: ['http://127.0.0.1:3101', …], … }: a
 * service's replicas separated by "|"; undefined when malformed.
 */
export function parseUpstreams(value: unknown): Partial<Record<string, string[]>> | undefined {
  if (typeof value !== 'string') return undefined;
  const entries = value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => pair.split('='));
  if (entries.some((entry) => entry.length !== 2)) return undefined;
  return Object.fromEntries(
    entries.map(([name, urls]) => [
      name.trim(),
      urls
        .split('|')
        .map((url) => url.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    ]),
  );
}

function isHttpUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function IsUpstreamMap(): PropertyDecorator {
  return ValidateBy({
    name: 'isUpstreamMap',
    validator: {
      validate: (value: unknown) => {
        const map =
          typeof value === 'object' && value !== null ? (value as Record<string, string[]>) : undefined;
        return (
          !!map &&
          UPSTREAM_SERVICES.every(
            (name) => Array.isArray(map[name]) && map[name].length > 0 && map[name].every(isHttpUrl),
          ) &&
          Object.keys(map).every((name) => (UPSTREAM_SERVICES as readonly string[]).includes(name))
        );
      },
      defaultMessage: buildMessage(
        () =>
          `$property must name the base URL of each of ${UPSTREAM_SERVICES.join(', ')} and nothing else, as name=http://host:port pairs separated by commas (a service's replicas separated by |)`,
      ),
    },
  });
}

export class ConsoleEnv extends HttpServiceEnv {
  @Transform(({ value }) => parseUpstreams(value) ?? value)
  @IsUpstreamMap()
  CONSOLE_UPSTREAMS!: Upstreams;

  /** How long the console waits for a service before answering 504. */
  @Transform(({ value }) => (value === undefined ? 30_000 : Number(value)))
  @IsInt()
  @Min(1000)
  @Max(300_000)
  CONSOLE_UPSTREAM_TIMEOUT_MS = 30_000;
}

export function loadConsoleEnv(env: Record<string, string | undefined> = process.env): ConsoleEnv {
  return validateEnv('console', ConsoleEnv, env);
}
