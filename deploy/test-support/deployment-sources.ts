/**
 * What the deployment checks (deploy/docker/compose.spec.ts, deploy/k8s/k8s.spec.ts) read the deployments against:
 * the services of deploy/services.json, the pinned engine versions, and the compose project as Compose itself
 * resolves it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ServiceEnv, TemporalServiceEnv } from '../../libs/service-kit/src/env/service-env';

export const root = path.resolve(__dirname, '../..');
export const readText = (relative: string): string => readFileSync(path.join(root, relative), 'utf8');

// ----- deploy/services.json -----

export interface DeclaredService {
  port: number;
  temporal: boolean;
  /** false for the console, which keeps no data (no database, Kafka or migrations). */
  database?: boolean;
}
export const declared = (
  JSON.parse(readText('deploy/services.json')) as { services: Record<string, DeclaredService> }
).services;
export const serviceNames = Object.keys(declared);
export const dataServiceNames = serviceNames.filter((name) => declared[name].database !== false);
export const webServiceNames = serviceNames.filter((name) => declared[name].database === false);
export const temporalServiceNames = serviceNames.filter((name) => declared[name].temporal);

/** deploy/local/versions.env as a map: the engine versions every setup pins. */
export const versions: Record<string, string> = Object.fromEntries(
  readText('deploy/local/versions.env')
    .split('\n')
    .map((line) => /^([A-Z_0-9]+)=(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1], match[2]]),
);

// ----- the compose files, as Compose itself resolves them -----

/** A service as compose-go prints it: merged, interpolated, in the long form of every field, paths absolute. */
export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string };
  command?: string[] | null;
  entrypoint?: string[] | null;
  environment?: Record<string, string | null>;
  ports?: { target: number; published?: string; host_ip?: string }[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  restart?: string;
  volumes?: { type: string; source?: string; target: string; read_only?: boolean }[];
  secrets?: { source: string; target?: string }[];
  deploy?: { replicas?: number };
}
export interface ComposeProject {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string }>;
}

/**
 * The project the given files make, resolved by compose-go — the library the `docker compose` CLI is built on
 * (deploy/docker/compose-config, built once from the Go module proxy): merge order, `extends`, `!reset`, YAML
 * merge keys, interpolation and the Compose schema are Compose's own, not a reader of ours. An invalid file fails
 * here with Compose's message. `env` is all the environment Compose sees besides PATH and HOME.
 */
export function composeProject(files: string[], env: Record<string, string>): ComposeProject {
  const out = execFileSync(
    'bash',
    [path.join(root, 'deploy/docker/compose-config.sh'), ...files.map((file) => path.join(root, file))],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    },
  );
  return JSON.parse(out) as ComposeProject;
}

/**
 * What the cluster profile promises of Kafka wherever it runs: every topic on three nodes, a write acknowledged once
 * two have it, and no out-of-sync replica ever elected leader (which would drop acknowledged events).
 */
export const KAFKA_CLUSTER_DURABILITY = {
  KAFKA_DEFAULT_REPLICATION_FACTOR: '3',
  KAFKA_MIN_INSYNC_REPLICAS: '2',
  KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '3',
  KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '3',
  KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '2',
  KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: 'false',
};

/** The env class a service validates at boot: Temporal's variables too when it runs a worker. */
export type EnvClass = typeof ServiceEnv | typeof TemporalServiceEnv;
export const envClassOf = (name: string): EnvClass =>
  declared[name].temporal ? TemporalServiceEnv : ServiceEnv;
