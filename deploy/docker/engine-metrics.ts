/**
 * What compose.spec.ts and deploy/k8s/k8s.spec.ts read the engines' metrics settings by: the Prometheus JMX exporter
 * agent a Kafka broker's KAFKA_OPTS loads, and the targets deploy/monitoring/prometheus.yml scrapes.
 */
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
