/**
 * The cluster profile's engine settings (`npm start -- --cluster`) are files the engine scripts fill in: read here
 * the way the engines will, so a durability setting cannot slip unnoticed (its full run needs three Kafka JVMs and a
 * Temporal Server build, too heavy for every `npm test`).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const local = path.resolve(__dirname);
const read = (file: string) => readFileSync(path.join(local, file), 'utf8');

function properties(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

const versions = properties(read('versions.env'));

describe('the cluster profile', () => {
  it('keeps every Kafka topic on three nodes and acknowledges a write once two have it', () => {
    const kafka = properties(read('kafka/server-cluster.properties.template'));
    expect(kafka).toEqual(
      expect.objectContaining({
        'process.roles': 'broker,controller',
        'default.replication.factor': '3',
        'min.insync.replicas': '2',
        'offsets.topic.replication.factor': '3',
        'transaction.state.log.replication.factor': '3',
        'transaction.state.log.min.isr': '2',
        'unclean.leader.election.enable': 'false',
      }),
    );
    // kafka.sh fills in exactly these.
    const placeholders = new Set(Object.values(kafka).flatMap((value) => value.match(/@[A-Z_]+@/g) ?? []));
    expect([...placeholders].sort()).toEqual(['@CONTROLLER_PORT@', '@DATA@', '@NODE@', '@PORT@', '@VOTERS@']);
    expect(read('lib/kafka.sh')).toContain('server-cluster.properties.template');
  });

  it('runs Temporal Server on PostgreSQL with the history shards versions.env fixes, sized for a province', () => {
    expect(versions.TEMPORAL_SERVER_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(versions.TEMPORAL_HISTORY_SHARDS)).toBeGreaterThanOrEqual(512);
    const template = read('temporal/server.yaml.template');
    const script = read('lib/temporal.sh');
    // Every placeholder of the template is one temporal.sh substitutes.
    for (const placeholder of new Set(template.match(/@[A-Z_]+@/g) ?? []))
      expect([placeholder, script.includes(`s|${placeholder}|`)]).toEqual([placeholder, true]);
    const filled = parse(template.replace(/@SHARDS@/g, '512').replace(/@[A-Z_]+@/g, '7233')) as {
      persistence: { numHistoryShards: number; datastores: Record<string, { sql: { pluginName: string } }> };
    };
    expect(filled.persistence.numHistoryShards).toBe(512);
    expect(Object.values(filled.persistence.datastores).map((store) => store.sql.pluginName)).toEqual([
      'postgres12',
      'postgres12',
    ]);
  });

  it("gives Temporal the settings of temporal/dynamicconfig.yaml on both profiles and in docker-compose.yml's dev server", () => {
    const settings = parse(read('temporal/dynamicconfig.yaml')) as Record<string, { value: unknown }[]>;
    expect(Object.keys(settings).length).toBeGreaterThan(0);
    // Temporal Server reads the file itself.
    expect(read('temporal/server.yaml.template')).toMatch(
      /^dynamicConfigClient:\n {2}filepath: "@DYNAMIC_CONFIG@"$/m,
    );
    expect(read('lib/temporal.sh')).toContain('s|@DYNAMIC_CONFIG@|$LOCAL/temporal/dynamicconfig.yaml|g');
    // The dev server takes each (unconstrained) setting as a flag.
    // Commands, not comments.
    const devServer = read('lib/temporal.sh')
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    const composeDevServer = (
      parse(readFileSync(path.join(local, '../../docker-compose.yml'), 'utf8')) as {
        services: { temporal: { command: string[] } };
      }
    ).services.temporal.command.join(' ');
    for (const [key, values] of Object.entries(settings)) {
      expect(values).toHaveLength(1);
      const flag = `--dynamic-config-value ${key}=${JSON.stringify(values[0].value)}`;
      expect([key, devServer.includes(flag), composeDevServer.includes(flag)]).toEqual([key, true, true]);
    }
  });
});
