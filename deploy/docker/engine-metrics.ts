/**
 * What compose.spec.ts and deploy/k8s/k8s.spec.ts read the engines' metrics settings by: the Prometheus JMX exporter
 * agent a Kafka broker loads, the exporter version deploy/local pins, and the targets deploy/monitoring/prometheus.yml
 * scrapes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readText } from '../test-support/deployment-sources';

/** The rules every broker's agent loads, wherever it runs (deploy/local, compose, Kubernetes). */
export const JMX_EXPORTER_RULES = 'deploy/local/kafka/jmx-exporter.yml';

export interface JavaAgent {
  jar: string;
  /** Empty when the agent listens on every interface. */
  host: string;
  port: string;
  rules: string;
}

/** `-javaagent:<jar>=[host:]port:<rules>` in a JVM options string; undefined when there is none. */
export function javaAgentOf(jvmOptions: string | undefined): JavaAgent | undefined {
  const agents = (jvmOptions ?? '').split(/\s+/).filter((option) => option.startsWith('-javaagent:'));
  if (agents.length === 0) return undefined;
  if (agents.length > 1) throw new Error(`more than one Java agent in "${jvmOptions}"`);
  const match = /^-javaagent:([^=]+)=(?:([^:]*):)?(\d+):(.+)$/.exec(agents[0]);
  if (!match) throw new Error(`"${agents[0]}" is not -javaagent:<jar>=[host:]port:<rules>`);
  return { jar: match[1], host: match[2] ?? '', port: match[3], rules: match[4] };
}

/**
 * The agent a broker's command adds to KAFKA_OPTS when its jar is there with the pinned sha1: JMX_EXPORTER_AGENT is
 * what follows `-javaagent:`.
 */
export function brokerAgentOf(env: Record<string, string | undefined>): JavaAgent | undefined {
  return env.JMX_EXPORTER_AGENT === undefined
    ? undefined
    : javaAgentOf(`-javaagent:${env.JMX_EXPORTER_AGENT}`);
}

/** A Debian package version's upstream part: `[epoch:]upstream[-revision]` (0.11.1-3+b5 → 0.11.1). */
export function debianUpstreamVersion(version: string): string {
  const match = /^(?:\d+:)?(.+?)(?:-[^-]+)?$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a Debian package version`);
  return match[1];
}

/** Every host:port deploy/monitoring/prometheus.yml scrapes, with its job. */
export function scrapeTargets(): { job: string; host: string; port: number }[] {
  const config = parse(readText('deploy/monitoring/prometheus.yml')) as {
    scrape_configs: { job_name: string; static_configs?: { targets: string[] }[] }[];
  };
  return config.scrape_configs.flatMap(({ job_name: job, static_configs: groups }) =>
    (groups ?? []).flatMap(({ targets }) =>
      targets.map((target) => {
        const match = /^([^:\s]+):(\d+)$/.exec(target);
        if (!match) throw new Error(`prometheus.yml: "${target}" is not host:port`);
        return { job, host: match[1], port: Number(match[2]) };
      }),
    ),
  );
}

/** The apache/kafka image's command (docker/jvm/Dockerfile: CMD ["/etc/kafka/docker/run"]), which starts the broker. */
export const KAFKA_IMAGE_COMMAND = '/etc/kafka/docker/run';

export interface BrokerStart {
  status: number | null;
  stderr: string;
  /** The environment the image's command would have started the broker with. */
  started: Record<string, string>;
}

/**
 * Runs a broker's command (the image's entrypoint execs it) as its container would, in a folder standing for the
 * container's files: the agent's jar (holding `jar`, or missing) and its rules (or missing) where
 * JMX_EXPORTER_AGENT names them, below the folder. The image's command, given last, is replaced by `env`, which
 * prints what the broker would have started with. `bin`: scripts put first in PATH (a pod's `hostname`).
 */
export function startBroker(
  command: string[],
  env: Record<string, string>,
  files: { jar?: string; rules: boolean },
  bin: Record<string, string> = {},
): BrokerStart {
  if (command[command.length - 1] !== KAFKA_IMAGE_COMMAND)
    throw new Error(`the broker's command does not end with the image's own, ${KAFKA_IMAGE_COMMAND}`);
  const agent = brokerAgentOf(env);
  if (!agent) throw new Error('the broker has no JMX_EXPORTER_AGENT');
  const sandbox = mkdtempSync(path.join(tmpdir(), 'oneseal-kafka-start-'));
  try {
    const inSandbox = (file: string) => path.join(sandbox, file);
    for (const [name, script] of Object.entries(bin)) {
      mkdirSync(inSandbox('bin'), { recursive: true });
      writeFileSync(inSandbox(`bin/${name}`), script, { mode: 0o755 });
    }
    if (files.jar !== undefined) {
      mkdirSync(path.dirname(inSandbox(agent.jar)), { recursive: true });
      writeFileSync(inSandbox(agent.jar), files.jar);
    }
    if (files.rules) {
      mkdirSync(path.dirname(inSandbox(agent.rules)), { recursive: true });
      writeFileSync(inSandbox(agent.rules), 'rules: []\n');
    }
    const address = agent.host ? `${agent.host}:${agent.port}` : agent.port;
    const run = spawnSync(command[0], [...command.slice(1, -1), 'env'], {
      encoding: 'utf8',
      env: {
        PATH: `${inSandbox('bin')}:${process.env.PATH ?? ''}`,
        ...env,
        JMX_EXPORTER_AGENT: `${inSandbox(agent.jar)}=${address}:${inSandbox(agent.rules)}`,
      },
    });
    const started = Object.fromEntries(
      run.stdout
        .split('\n')
        .map((line) => /^([A-Z_0-9]+)=(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1], match[2].split(sandbox).join('')]),
    );
    return { status: run.status, stderr: run.stderr.split(sandbox).join(''), started };
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}
