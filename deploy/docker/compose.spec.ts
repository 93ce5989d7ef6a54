/**
 * docker-compose.yml (with compose.dev.yml or compose.cluster.yml) and deploy/docker/Dockerfile cannot be run where
 * OneSeal is built and tested (no Docker engine there). The compose files are resolved by compose-go, the library
 * the `docker compose` CLI is built on (deploy/docker/compose-config), and what it makes of them is checked against
 * what the code expects: deploy/services.json (services, ports, which ones talk to Temporal), the env classes every
 * service validates at boot, the secrets make-secrets.sh makes, the npm workspaces and tsconfig.build.json.
 */
// Before the env classes are loaded: their decorators record the design types that validateEnv converts by.
import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import * as ts from 'typescript';
import { ServiceEnv, TemporalServiceEnv } from '../../libs/service-kit/src/env/service-env';
import { validateEnv } from '../../libs/service-kit/src/env/validate-env';
import { ConsoleEnv, parseUpstreams } from '../../services/console/src/config/console.env';
import {
  composeProject as resolveComposeProject,
  dataServiceNames,
  declared,
  envClassOf,
  KAFKA_CLUSTER_DURABILITY,
  readText,
  root,
  serviceNames,
  temporalServiceNames,
  versions,
  webServiceNames,
  type ComposeProject,
  type ComposeService,
  type EnvClass,
} from '../test-support/deployment-sources';
import { monitorAccessFromEnv, monitorRoleName } from '../../libs/database/src/access/monitor-access';
import {
  brokerAgentOf,
  debianUpstreamVersion,
  JMX_EXPORTER_RULES,
  javaAgentOf,
  KAFKA_IMAGE_COMMAND,
  scrapeTargets,
  startBroker,
} from './engine-metrics';

const OUR_DOCKERFILE = 'deploy/docker/Dockerfile';
const MIGRATE = 'migrate';

// ----- the compose files, as Compose itself resolves them -----

/** What an operator sets before `docker compose up` (docker-compose.yml refuses to start without it). */
const OPERATOR_ENV = { PUBLIC_BASE_URL: 'https://zwfw.zezhou.example' };

/** The project the given files make, resolved by Compose itself, for an operator who set OPERATOR_ENV (and env). */
const composeProject = (files: string[], env: Record<string, string> = {}): ComposeProject =>
  resolveComposeProject(files, { ...OPERATOR_ENV, ...env });

const compose = composeProject(['docker-compose.yml']);
const composeServices = compose.services;

function service(name: string, project: ComposeProject = compose): ComposeService {
  const found = project.services[name];
  if (!found) throw new Error(`the compose project has no service "${name}"`);
  return found;
}

function environmentOf(name: string, project: ComposeProject = compose): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service(name, project).environment ?? {}).map(([key, value]) => [key, value ?? '']),
  );
}

// ----- secrets, as deploy/docker/make-secrets.sh makes them (run for real, into a folder of the test's own) -----

const SECRETS_FOLDER = mkdtempSync(path.join(tmpdir(), 'oneseal-compose-secrets-'));
execFileSync('bash', [path.join(root, 'deploy/docker/make-secrets.sh'), SECRETS_FOLDER], { stdio: 'pipe' });
afterAll(() => rmSync(SECRETS_FOLDER, { recursive: true, force: true }));

/** The secrets a service mounts, by name (Compose mounts each at /run/secrets/<name> unless told otherwise). */
function secretsOf(name: string, project: ComposeProject = compose): string[] {
  return (service(name, project).secrets ?? []).map((secret) => secret.source);
}

/** The file a top-level secret is read from, inside make-secrets.sh's folder (ONESEAL_SECRETS unset). */
function secretSource(secret: string, project: ComposeProject = compose): string {
  const file = project.secrets?.[secret]?.file;
  if (!file) throw new Error(`the compose project declares no secret "${secret}" with a file`);
  const relative = path.relative(path.join(root, '.secrets'), file);
  if (relative.startsWith('..'))
    throw new Error(`secret "${secret}" is not read from make-secrets.sh's folder`);
  return path.join(SECRETS_FOLDER, relative);
}

/**
 * The environment as the service sees it inside its container: each NAME_FILE=/run/secrets/<secret> must name a
 * secret the service mounts, and is pointed at the file make-secrets.sh made for it.
 */
function resolvedEnvironmentOf(name: string, project: ComposeProject = compose): Record<string, string> {
  const env = environmentOf(name, project);
  for (const [variable, value] of Object.entries(env)) {
    const secret = /^\/run\/secrets\/([^/]+)$/.exec(value)?.[1];
    if (!variable.endsWith('_FILE') || !secret) continue;
    if (!secretsOf(name, project).includes(secret))
      throw new Error(`${name}: ${variable} names /run/secrets/${secret}, a secret it does not mount`);
    env[variable] = secretSource(secret, project);
  }
  return env;
}

/** A variable's value: given directly, or read from the file NAME_FILE names (as validateEnv does). */
function valueOf(env: Record<string, string>, variable: string): string | undefined {
  if (env[variable] !== undefined) return env[variable];
  const file = env[`${variable}_FILE`];
  return file === undefined ? undefined : readFileSync(file, 'utf8').trim();
}

/** Every port mapping as { published (host), target (container) }; published is '' when Docker picks it. */
function portsOf(name: string, project: ComposeProject = compose): { published: string; target: string }[] {
  return (service(name, project).ports ?? []).map((port) => ({
    published: port.published ?? '',
    target: String(port.target),
  }));
}

const devCompose = composeProject(['docker-compose.yml', 'compose.dev.yml']);

/** The ports a service has with compose.dev.yml, as host_ip:published:target. */
function devPortsOf(name: string): string[] {
  return (service(name, devCompose).ports ?? []).map(
    (port) => `${port.host_ip ?? ''}:${port.published ?? ''}:${port.target}`,
  );
}

/** The migrate step's shell script, one `&&` step each. */
function migrateSteps(): string[] {
  return commandOf(MIGRATE)
    .join(' ')
    .replace(/^sh -c /, '')
    .split('&&')
    .map((step) => step.trim());
}

function commandOf(name: string, project: ComposeProject = compose): string[] {
  return service(name, project).command ?? [];
}

function dependenciesOf(name: string, project: ComposeProject = compose): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service(name, project).depends_on ?? {}).map(([dependency, { condition }]) => [
      dependency,
      condition,
    ]),
  );
}

function dockerfileOf(name: string): string | undefined {
  const { build } = service(name);
  if (build === undefined) return undefined;
  return path
    .relative(root, path.resolve(build.context, build.dockerfile ?? 'Dockerfile'))
    .split(path.sep)
    .join('/');
}

/** The value of `--flag value` or `--flag=value` in a command, if present. */
function flagValues(command: string[], flag: string): string[] {
  return command.flatMap((part, index) => {
    if (part === flag && index + 1 < command.length) return [command[index + 1]];
    if (part.startsWith(`${flag}=`)) return [part.slice(flag.length + 1)];
    return [];
  });
}

/** host:port → [host, port] */
function hostAndPort(address: string): [string, string] {
  const match = /^([^:\s]+):(\d+)$/.exec(address);
  if (!match) throw new Error(`"${address}" is not host:port`);
  return [match[1], match[2]];
}

/** Kafka listener lists: "NAME://host:port,..." → { name, host, port } */
function kafkaListeners(value: string | undefined): { name: string; host: string; port: string }[] {
  return (value ?? '')
    .split(',')
    .filter((listener) => listener.trim() !== '')
    .map((listener) => {
      const match = /^([A-Za-z0-9_]+):\/\/(\[[^\]]*\]|[^:]*):(\d+)$/.exec(listener.trim());
      if (!match) throw new Error(`"${listener}" is not a Kafka listener (NAME://host:port)`);
      return { name: match[1], host: match[2], port: match[3] };
    });
}

// ----- what the services validate at boot -----

/** Every variable the env class (and its parents) validates, from class-validator's own metadata. */
function validatedVariables(envClass: EnvClass, { requiredOnly = false } = {}): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(envClass, '', true, false);
  const optional = new Set(
    metadata.filter((entry) => entry.type === 'conditionalValidation').map((entry) => entry.propertyName),
  );
  return [...new Set(metadata.map((entry) => entry.propertyName))]
    .filter((variable) => !requiredOnly || !optional.has(variable))
    .sort();
}

// ----- the workspaces, tsconfig.build.json and the Dockerfile -----

/** The npm workspaces as folders on disk (the globs in package.json resolved the way npm does). */
function workspaceFolders(): string[] {
  const manifest = JSON.parse(readText('package.json')) as {
    workspaces?: string[] | { packages?: string[] };
  };
  const patterns = Array.isArray(manifest.workspaces)
    ? manifest.workspaces
    : (manifest.workspaces?.packages ?? []);
  const hasManifest = (folder: string) => existsSync(path.join(root, folder, 'package.json'));
  return patterns
    .flatMap((pattern) => {
      if (pattern.endsWith('/*') && !/[*?[{]/.test(pattern.slice(0, -2))) {
        const parent = pattern.slice(0, -2);
        return readdirSync(path.join(root, parent), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${parent}/${entry.name}`)
          .filter(hasManifest);
      }
      if (/[*?[{]/.test(pattern))
        throw new Error(`workspace pattern "${pattern}" is not understood by this test`);
      return hasManifest(pattern) ? [pattern] : [];
    })
    .sort();
}

/** The projects `npx tsc -b tsconfig.build.json` compiles, as folders (each gets a dist/). */
function compiledProjects(): string[] {
  const { config, error } = ts.readConfigFile(path.join(root, 'tsconfig.build.json'), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const references = (config as { references?: { path: string }[] }).references ?? [];
  return references
    .map(({ path: reference }) => (reference.endsWith('.json') ? path.posix.dirname(reference) : reference))
    .map((folder) => path.posix.normalize(folder))
    .sort();
}

interface CopyInstruction {
  from?: string;
  /** Absolute paths: in the build context (as '/<path in repo>') or, with --from, in that stage. */
  copies: { source: string; destination: string }[];
}
interface Stage {
  name?: string;
  base: string;
  /** In order; RUN, ENV and USER keep their raw arguments, COPY is parsed. */
  instructions: ({ keyword: 'COPY'; copy: CopyInstruction } | { keyword: string; args: string })[];
}

/** A small Dockerfile reader: stages, WORKDIR-resolved COPYs, and the raw text of the rest. */
function parseDockerfile(text: string): Stage[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push(pending + line);
    pending = '';
  }
  const stages: Stage[] = [];
  let workdir = '/';
  for (const line of lines) {
    const match = /^(\S+)\s+([\s\S]*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2].trim();
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      stages.push({ base: words[0], name: words[2]?.toLowerCase(), instructions: [] });
      workdir = '/';
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) throw new Error(`${OUR_DOCKERFILE}: "${keyword}" before any FROM`);
    if (keyword === 'WORKDIR') workdir = path.posix.resolve(workdir, args);
    if (keyword !== 'COPY') {
      stage.instructions.push({ keyword, args });
      continue;
    }
    const words = args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
    const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
    const paths = words.filter((word) => !word.startsWith('--'));
    const sources = paths.slice(0, -1);
    const destination = paths[paths.length - 1];
    const intoFolder = destination.endsWith('/') || sources.length > 1;
    stage.instructions.push({
      keyword: 'COPY',
      copy: {
        from: from?.toLowerCase(),
        copies: sources.map((source) => ({
          source: path.posix.resolve('/', source),
          destination: path.posix.resolve(
            workdir,
            intoFolder ? path.posix.join(destination, path.posix.basename(source)) : destination,
          ),
        })),
      },
    });
  }
  return stages;
}

function workdirOf(stage: Stage): string {
  return stage.instructions
    .filter(
      (instruction): instruction is { keyword: string; args: string } => instruction.keyword === 'WORKDIR',
    )
    .reduce((workdir, { args }) => path.posix.resolve(workdir, args), '/');
}

const runs = (stage: Stage): string[] =>
  stage.instructions.flatMap((instruction) =>
    instruction.keyword === 'RUN' && 'args' in instruction ? [instruction.args] : [],
  );

const copiesOf = (instructions: Stage['instructions'], from?: string) =>
  instructions.flatMap((instruction) =>
    'copy' in instruction && instruction.copy.from === from ? instruction.copy.copies : [],
  );

const dockerfile = parseDockerfile(readText(OUR_DOCKERFILE));
const buildStage = dockerfile.find((stage) => runs(stage).some((run) => /\bnpm ci\b/.test(run)));
const runtimeStage = dockerfile[dockerfile.length - 1];

// =========================================================================================================

describe('docker-compose.yml runs exactly the services of deploy/services.json', () => {
  const builtFromOurImage = Object.keys(composeServices).filter(
    (name) => dockerfileOf(name) === OUR_DOCKERFILE && name !== MIGRATE,
  );

  test('every service in deploy/services.json is a compose service', () => {
    expect(serviceNames.length).toBeGreaterThan(0);
    expect(serviceNames.filter((name) => !(name in composeServices))).toEqual([]);
  });

  test('every compose service built from the OneSeal image (besides migrate) is in deploy/services.json', () => {
    expect(builtFromOurImage.filter((name) => !(name in declared))).toEqual([]);
    expect([...builtFromOurImage].sort()).toEqual([...serviceNames].sort());
  });
});

describe('the env classes the services validate at boot', () => {
  test('are read completely (ServiceEnv and TemporalServiceEnv, parents included)', () => {
    const base = [
      'DATABASE_URL',
      'HTTP_HOST',
      'HTTP_PORT',
      'KAFKA_BROKERS',
      'KAFKA_GROUP_PREFIX',
      'LOG_LEVEL',
    ];
    const temporal = ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_WORKER_ENABLED'];
    expect(validatedVariables(ServiceEnv)).toEqual(expect.arrayContaining(base));
    expect(validatedVariables(TemporalServiceEnv)).toEqual(expect.arrayContaining([...base, ...temporal]));
  });
});

describe.each(serviceNames)('compose service %s', (name) => {
  const { port } = declared[name];
  test('runs node services/<name>/dist/main.js (its npm start) from the OneSeal image', () => {
    expect(dockerfileOf(name)).toBe(OUR_DOCKERFILE);
    expect(commandOf(name)).toEqual(['node', `services/${name}/dist/main.js`]);
    const manifest = JSON.parse(readText(`services/${name}/package.json`)) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.start).toBe('node dist/main.js');
  });

  test(`is not published (the TLS proxy is the only door); compose.dev.yml publishes ${port} on loopback`, () => {
    expect(portsOf(name)).toEqual([]);
    expect(devPortsOf(name)).toEqual([`127.0.0.1:${port}:${port}`]);
  });

  test(`listens on that port (HTTP_PORT=${port}) on all interfaces`, () => {
    const env = environmentOf(name);
    expect(env.HTTP_PORT).toBe(String(port));
    expect(env.HTTP_HOST).toBe('0.0.0.0');
  });

  test(`checks its own health on http://127.0.0.1:${port}/health with node, and restarts unless stopped`, () => {
    const check = service(name).healthcheck?.test;
    expect(Array.isArray(check) ? check.slice(0, 2) : check).toEqual(['CMD', 'node']);
    expect((check as string[]).join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    expect(service(name).restart).toBe('unless-stopped');
  });
});

describe.each(dataServiceNames)('compose service %s (keeps data)', (name) => {
  const { temporal } = declared[name];
  test('its temporal flag in deploy/services.json matches the env class its code validates', () => {
    const configFolder = `services/${name}/src/config`;
    const sources = readdirSync(path.join(root, configFolder))
      .filter((file) => file.endsWith('.env.ts'))
      .map((file) => readText(`${configFolder}/${file}`));
    const extended = sources.flatMap((source) => [
      ...source.matchAll(/extends\s+(TemporalServiceEnv|ServiceEnv)\b/g),
    ]);
    expect(extended.map((match) => match[1])).toEqual([temporal ? 'TemporalServiceEnv' : 'ServiceEnv']);
  });

  test(`sets every variable ${temporal ? 'TemporalServiceEnv' : 'ServiceEnv'} requires (itself or as NAME_FILE)`, () => {
    const env = environmentOf(name);
    expect(
      validatedVariables(envClassOf(name), { requiredOnly: true }).filter(
        (variable) => !(variable in env) && !(`${variable}_FILE` in env),
      ),
    ).toEqual([]);
  });

  test('passes the same env validation the service runs at boot, its secrets read from their files', () => {
    const env = resolvedEnvironmentOf(name);
    expect(() => validateEnv(name, envClassOf(name), env)).not.toThrow();
  });

  test('connects to the compose PostgreSQL as its own role, with the password the migrate step gives that role', () => {
    const url = new URL(valueOf(resolvedEnvironmentOf(name), 'DATABASE_URL') ?? '');
    expect(service(url.hostname).image).toMatch(/^postgres:/);
    expect(url.port || '5432').toBe('5432');
    expect(decodeURIComponent(url.username)).toBe(`oneseal_${name}`);
    const owner = new URL(valueOf(resolvedEnvironmentOf(MIGRATE), 'DATABASE_URL') ?? '');
    expect([url.hostname, url.pathname]).toEqual([owner.hostname, owner.pathname]);
    expect(migrateSteps()).toContain(
      `DATABASE_SERVICE_PASSWORD_FILE=/run/secrets/database-password-${name} node services/${name}/dist/migrate.js`,
    );
    expect(secretsOf(MIGRATE)).toContain(`database-password-${name}`);
    expect(decodeURIComponent(url.password)).toBe(
      readFileSync(secretSource(`database-password-${name}`), 'utf8').trim(),
    );
  });

  test('KAFKA_BROKERS names compose brokers that advertise that address on a plaintext listener', () => {
    const brokers = environmentOf(name).KAFKA_BROKERS.split(',');
    expect(brokers.length).toBeGreaterThan(0);
    for (const broker of brokers) {
      const [host, brokerPort] = hostAndPort(broker);
      const engine = environmentOf(host);
      // Clients reconnect to the advertised address they get in the metadata: it must be this one.
      const advertised = kafkaListeners(engine.KAFKA_ADVERTISED_LISTENERS).find(
        (listener) => listener.host === host && listener.port === brokerPort,
      );
      expect(advertised).toBeDefined();
      // ...and the broker must listen there on every interface (empty host or 0.0.0.0), not only on localhost.
      const listener = kafkaListeners(engine.KAFKA_LISTENERS).find(
        (candidate) => candidate.port === brokerPort,
      );
      expect(listener).toMatchObject({ name: advertised?.name });
      expect(['', '0.0.0.0']).toContain(listener?.host);
      // kafkajs is configured without TLS or SASL.
      const protocols = Object.fromEntries(
        (engine.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP ?? '').split(',').map((pair) => pair.split(':')),
      );
      expect(protocols[advertised?.name ?? '']).toBe('PLAINTEXT');
    }
  });

  test('starts only after its engines are healthy and the migrations completed successfully', () => {
    const env = resolvedEnvironmentOf(name);
    const engines = [
      new URL(valueOf(env, 'DATABASE_URL') ?? '').hostname,
      ...env.KAFKA_BROKERS.split(',').map((broker) => hostAndPort(broker)[0]),
      ...(temporal ? [hostAndPort(env.TEMPORAL_ADDRESS)[0]] : []),
    ];
    const expected = Object.fromEntries([
      ...engines.map((engine) => [engine, 'service_healthy']),
      [MIGRATE, 'service_completed_successfully'],
    ]);
    expect(dependenciesOf(name)).toMatchObject(expected);
  });
});

describe.each(webServiceNames)('compose service %s (the console, keeps no data)', (name) => {
  test('passes the env validation the console runs at boot', () => {
    expect(() => validateEnv(name, ConsoleEnv, environmentOf(name))).not.toThrow();
  });

  test('passes /api/<service>/ to every other service at its compose name and port', () => {
    const upstreams = parseUpstreams(environmentOf(name).CONSOLE_UPSTREAMS) ?? {};
    expect(Object.keys(upstreams).sort()).toEqual([...dataServiceNames].sort());
    for (const upstream of dataServiceNames)
      expect(upstreams[upstream]).toEqual([`http://${upstream}:${declared[upstream].port}`]);
  });

  test('needs neither the database nor Kafka', () => {
    const env = environmentOf(name);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.KAFKA_BROKERS).toBeUndefined();
  });
});

describe.each(temporalServiceNames)('compose service %s (uses Temporal)', (name) => {
  test('TEMPORAL_ADDRESS names the compose Temporal server, reachable from other containers', () => {
    const [host, port] = hostAndPort(environmentOf(name).TEMPORAL_ADDRESS);
    const command = commandOf(host);
    expect(command).toEqual(expect.arrayContaining(['server', 'start-dev']));
    expect(flagValues(command, '--ip')).toEqual(['0.0.0.0']);
    expect(flagValues(command, '--port')[0] ?? '7233').toBe(port);
  });

  test('TEMPORAL_NAMESPACE is one the dev server creates at start', () => {
    const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE } = environmentOf(name);
    const namespaces = flagValues(commandOf(hostAndPort(TEMPORAL_ADDRESS)[0]), '--namespace');
    expect(namespaces).toContain(TEMPORAL_NAMESPACE);
  });
});

describe('login tokens in compose', () => {
  const mounts = (name: string) =>
    (service(name).volumes ?? []).map(({ source, target, read_only }) => ({
      source,
      target,
      read_only: read_only === true,
    }));
  const checkers = dataServiceNames.filter((name) => name !== 'identity');

  test.each(checkers)(
    '%s checks tokens with the public key the migrate step writes, mounted read-only',
    (name) => {
      const file = environmentOf(name).AUTH_PUBLIC_KEY_FILE;
      expect(file).toBe(environmentOf(MIGRATE).AUTH_PUBLIC_KEY_FILE);
      const volume = mounts(MIGRATE).find((mount) => file.startsWith(`${mount.target}/`));
      expect(volume).toBeDefined();
      expect(mounts(name)).toContainEqual({
        source: volume?.source,
        target: volume?.target,
        read_only: true,
      });
    },
  );

  test('only identity (and the migrate step that makes it) mounts the private signing key', () => {
    const privateVolume = mounts('identity').find((mount) =>
      environmentOf('identity').AUTH_PRIVATE_KEY_FILE.startsWith(`${mount.target}/`),
    )?.source;
    expect(privateVolume).toBeDefined();
    const holders = Object.keys(composeServices).filter((name) =>
      mounts(name).some((mount) => mount.source === privateVolume),
    );
    expect(holders.sort()).toEqual(['identity', MIGRATE].sort());
  });
});

describe('compose service migrate', () => {
  const script = () => commandOf(MIGRATE).join(' ');
  const commandsOnly = () => migrateSteps().map((step) => step.replace(/^([A-Z_]+=\S+\s+)+/, ''));

  test("runs every service's migrate script (npm run database:migrate), from the OneSeal image", () => {
    expect(dockerfileOf(MIGRATE)).toBe(OUR_DOCKERFILE);
    for (const name of dataServiceNames) {
      const manifest = JSON.parse(readText(`services/${name}/package.json`)) as {
        scripts: Record<string, string>;
      };
      expect(manifest.scripts['database:migrate']).toBe('node dist/migrate.js');
      expect(script()).toContain(`node services/${name}/dist/migrate.js`);
    }
  });

  test('migrates every service, makes the token and checkpoint keys, then seeds, each step only after the previous succeeded (&&)', () => {
    const steps = commandsOnly();
    const seeds = steps.filter((step) => step.endsWith('/seed.js'));
    const keys = [
      'node services/identity/dist/signing-keys.js',
      'node services/audit/dist/checkpoint-keys.js',
    ];
    expect(steps.slice(0, steps.length - seeds.length - keys.length).sort()).toEqual(
      dataServiceNames.map((name) => `node services/${name}/dist/migrate.js`).sort(),
    );
    expect(steps.slice(steps.length - seeds.length - keys.length, steps.length - seeds.length)).toEqual(keys);
    // The same seeds, in the same order, as `npm start` (deploy/local/stack.mjs) runs.
    expect(seeds).toEqual([
      'node services/intake/dist/seed.js',
      'node services/seal/dist/seed.js',
      'node services/identity/dist/seed.js',
    ]);
  });

  test('migrates as the owner role (not a superuser), once PostgreSQL is healthy, and is not restarted', () => {
    const owner = new URL(valueOf(resolvedEnvironmentOf(MIGRATE), 'DATABASE_URL') ?? '');
    expect(owner.username).toBe('oneseal');
    expect(readText('deploy/docker/postgres/create-owner.sh')).toMatch(
      /CREATE ROLE oneseal LOGIN CREATEDB CREATEROLE PASSWORD/,
    );
    expect(environmentOf('postgres').POSTGRES_USER).toBe('postgres');
    const postgres = owner.hostname;
    expect(dependenciesOf(MIGRATE)).toMatchObject({ [postgres]: 'service_healthy' });
    expect(service(MIGRATE).restart ?? 'no').toBe('no');
  });
});

describe('compose engines', () => {
  const engines = Object.keys(composeServices).filter((name) => dockerfileOf(name) === undefined);

  test('every service waited for as healthy has a healthcheck', () => {
    const waitedFor = new Set(
      Object.keys(composeServices).flatMap((name) =>
        Object.entries(dependenciesOf(name))
          .filter(([, condition]) => condition === 'service_healthy')
          .map(([dependency]) => dependency),
      ),
    );
    expect(waitedFor.size).toBeGreaterThan(0);
    for (const dependency of waitedFor) {
      const check = service(dependency).healthcheck;
      expect({ dependency, test: check?.test, disabled: check?.disable ?? false }).toEqual({
        dependency,
        test: expect.anything(),
        disabled: false,
      });
    }
  });

  test('use images with pinned tags', () => {
    expect(engines.length).toBeGreaterThan(0);
    for (const engine of engines) {
      expect(service(engine).image).toMatch(/^[^:\s]+:(?!latest$)[\w.-]+$/);
    }
  });
});

describe('deploy/docker/Dockerfile', () => {
  test('has a build stage (npm ci) and a separate runtime stage, both on node:20-bookworm-slim', () => {
    expect(buildStage).toBeDefined();
    expect(runtimeStage).not.toBe(buildStage);
    expect(dockerfile.map((stage) => stage.base)).toEqual(dockerfile.map(() => 'node:20-bookworm-slim'));
  });

  test('build stage copies the lockfile, every workspace package.json and the patches before npm ci (layer caching)', () => {
    if (!buildStage) throw new Error('no build stage');
    const workspaces = workspaceFolders();
    // The globs must have resolved to real folders, or this test would check nothing.
    expect(workspaces).toEqual(
      expect.arrayContaining(['workflows', ...serviceNames.map((name) => `services/${name}`)]),
    );
    const npmCi = buildStage.instructions.findIndex(
      (instruction) =>
        instruction.keyword === 'RUN' && 'args' in instruction && /\bnpm ci\b/.test(instruction.args),
    );
    const workdir = workdirOf(buildStage);
    const copied = new Set(
      copiesOf(buildStage.instructions.slice(0, npmCi))
        .filter(
          ({ source, destination }) =>
            path.posix.relative('/', source) === path.posix.relative(workdir, destination),
        )
        .map(({ source }) => path.posix.relative('/', source)),
    );
    const manifests = [
      'package.json',
      'package-lock.json',
      ...workspaces.map((folder) => `${folder}/package.json`),
      // npm ci's postinstall applies them; without them it finds none and the image runs an unpatched SDK.
      'patches',
    ];
    expect(manifests.filter((manifest) => !copied.has(manifest))).toEqual([]);
  });

  test('build stage compiles with tsc -b tsconfig.build.json, then prunes the dev dependencies', () => {
    if (!buildStage) throw new Error('no build stage');
    const commands = runs(buildStage).join('\n');
    expect(commands).toMatch(/npx tsc -b tsconfig\.build\.json/);
    expect(commands).toMatch(/npm prune --omit=dev/);
    expect(commands.indexOf('npm prune')).toBeGreaterThan(commands.indexOf('tsc -b'));
  });

  test('runtime stage ships node_modules and, for every compiled project, its package.json and dist/', () => {
    if (!buildStage?.name) throw new Error('the build stage needs a name (FROM ... AS build)');
    const from = workdirOf(buildStage);
    const to = workdirOf(runtimeStage);
    const shipped = copiesOf(runtimeStage.instructions, buildStage.name).map(
      ({ source, destination }) => `${source} -> ${destination}`,
    );
    const projects = compiledProjects();
    expect(projects).toEqual(expect.arrayContaining(serviceNames.map((name) => `services/${name}`)));
    const expected = [
      'node_modules',
      ...projects.flatMap((project) => [`${project}/package.json`, `${project}/dist`]),
    ];
    const missing = expected.filter(
      (item) => !shipped.includes(`${path.posix.join(from, item)} -> ${path.posix.join(to, item)}`),
    );
    expect(missing).toEqual([]);
  });

  test('runtime stage runs as the node user with NODE_ENV=production', () => {
    const raw = runtimeStage.instructions.filter((instruction) => 'args' in instruction) as {
      keyword: string;
      args: string;
    }[];
    const users = raw.filter(({ keyword }) => keyword === 'USER').map(({ args }) => args);
    expect(users[users.length - 1]).toBe('node');
    expect(raw.filter(({ keyword }) => keyword === 'ENV').map(({ args }) => args)).toContainEqual(
      expect.stringMatching(/\bNODE_ENV[= ]production\b/),
    );
  });
});

describe('.dockerignore', () => {
  test('keeps host node_modules and build output out of the image build', () => {
    const patterns = readText('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const folder of ['node_modules', 'dist', '.git', '.nx', '.oneseal', 'coverage']) {
      expect(patterns.filter((pattern) => pattern === folder || pattern === `**/${folder}`)).not.toEqual([]);
    }
  });
});

describe('what compose exposes', () => {
  test('publishes no port of Temporal (no authentication on its frontend); compose.dev.yml does, on loopback only', () => {
    expect(composeServices.temporal?.ports ?? []).toEqual([]);
    const published = devPortsOf('temporal');
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((port) => port.startsWith('127.0.0.1:'))).toBe(true);
  });
});

describe('production mode of docker-compose.yml', () => {
  const allServices = Object.keys(composeServices);

  test('only the TLS proxy publishes ports; it passes everything to the console, which believes its forwarding', () => {
    expect(allServices.filter((name) => portsOf(name).length > 0)).toEqual(['proxy']);
    expect(
      portsOf('proxy')
        .map((port) => port.target)
        .sort(),
    ).toEqual(['443', '80']);
    const caddyfile = readText('deploy/docker/Caddyfile');
    expect(caddyfile).toMatch(/reverse_proxy console:3100/);
    expect(caddyfile).toMatch(/tls \{\$ONESEAL_TLS:internal\}/);
    expect(environmentOf('console').TRUSTED_PROXIES).toBe('uniquelocal');
  });

  test('no secret is written into the file: passwords and keys are NAME_FILE, each a secret the service mounts', () => {
    const secretLike = /(PASSWORD|_KEY|SECRET)$/;
    for (const name of allServices) {
      const env = environmentOf(name);
      expect([name, Object.keys(env).filter((variable) => secretLike.test(variable))]).toEqual([name, []]);
      expect(() => resolvedEnvironmentOf(name)).not.toThrow();
    }
    // Nothing secret in a connection URL either: the URLs themselves are secrets.
    expect(allServices.filter((name) => environmentOf(name).DATABASE_URL !== undefined)).toEqual([]);
  });

  test('each secret reaches only the services that use it', () => {
    const holders = (secret: string) => allServices.filter((name) => secretsOf(name).includes(secret)).sort();
    expect(holders('seal-key-encryption-key')).toEqual([MIGRATE, 'seal'].sort());
    expect(holders('audit-chain-key')).toEqual(['audit']);
    expect(holders('applicant-lookup-key')).toEqual(['intake', 'routing']);
    expect(holders('personal-data-key')).toEqual(['intake']);
    expect(holders('database-owner-url')).toEqual([MIGRATE]);
    for (const name of dataServiceNames) expect(holders(`database-url-${name}`)).toEqual([name]);
    for (const producer of ['intake', 'routing', 'approval', 'seal', 'notification']) {
      expect(holders(`event-signing-${producer}.key`)).toEqual([producer]);
      expect(environmentOf(producer).EVENT_SIGNING_KEY_FILE).toBe(
        `/run/secrets/event-signing-${producer}.key`,
      );
    }
  });

  test('every service with data checks producers with the public keys make-secrets.sh made, mounted read-only', () => {
    for (const name of dataServiceNames) {
      expect(environmentOf(name).EVENT_PRODUCER_KEYS_DIR).toBe('/var/lib/oneseal/event-producers');
      expect(service(name).volumes ?? []).toContainEqual(
        expect.objectContaining({
          type: 'bind',
          source: path.join(root, '.secrets/event-producers'),
          target: '/var/lib/oneseal/event-producers',
          read_only: true,
        }),
      );
    }
    expect(readdirSync(path.join(SECRETS_FOLDER, 'event-producers')).sort()).toEqual([
      'approval.pub',
      'intake.pub',
      'notification.pub',
      'routing.pub',
      'seal.pub',
    ]);
  });

  test('makes no demo accounts unless asked: the administrator alone, with the password from its secret', () => {
    const env = environmentOf(MIGRATE);
    expect(env.ONESEAL_DEMO_ACCOUNTS).toBe('0');
    expect(env.ONESEAL_ADMIN_PASSWORD_FILE).toBe('/run/secrets/admin-password');
    expect(readFileSync(secretSource('admin-password'), 'utf8').trim().length).toBeGreaterThanOrEqual(12);
    // compose.dev.yml makes them, unless told not to.
    expect(environmentOf(MIGRATE, devCompose).ONESEAL_DEMO_ACCOUNTS).toBe('1');
    expect(
      environmentOf(
        MIGRATE,
        composeProject(['docker-compose.yml', 'compose.dev.yml'], { ONESEAL_DEMO_ACCOUNTS: '0' }),
      ).ONESEAL_DEMO_ACCOUNTS,
    ).toBe('0');
  });

  test('make-secrets.sh keeps what exists: a second run changes no password or key', () => {
    const before = readFileSync(secretSource('database-password-seal'), 'utf8');
    execFileSync('bash', [path.join(root, 'deploy/docker/make-secrets.sh'), SECRETS_FOLDER], {
      stdio: 'pipe',
    });
    expect(readFileSync(secretSource('database-password-seal'), 'utf8')).toBe(before);
  });
});

// =========================================================================================================

describe('compose.cluster.yml: the cluster profile in containers', () => {
  const cluster = composeProject(['docker-compose.yml', 'compose.cluster.yml']);
  const brokers = ['kafka', 'kafka-2', 'kafka-3'];

  test('runs Kafka as three KRaft nodes of one cluster, each advertising its own name', () => {
    const envs = brokers.map((name) => environmentOf(name, cluster));
    expect(envs.map((env) => env.KAFKA_NODE_ID)).toEqual(['1', '2', '3']);
    expect(new Set(envs.map((env) => env.CLUSTER_ID)).size).toBe(1);
    expect(envs.map((env) => env.KAFKA_ADVERTISED_LISTENERS)).toEqual(
      brokers.map((name) => `PLAINTEXT://${name}:9092`),
    );
    for (const env of envs) {
      expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
      expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe('1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093');
    }
    // Each node keeps its own log on a volume of its own.
    const dataVolumes = brokers.map(
      (name) =>
        service(name, cluster).volumes?.find((volume) => volume.target === '/var/lib/kafka/data')?.source,
    );
    expect(new Set(dataVolumes).size).toBe(3);
  });

  test('replicates every topic three times and acknowledges a write only when two replicas have it', () => {
    for (const name of brokers) {
      expect(environmentOf(name, cluster)).toMatchObject(KAFKA_CLUSTER_DURABILITY);
    }
  });

  test('runs the Temporal Server of deploy/local on the compose PostgreSQL, with the shards versions.env fixes', () => {
    const temporal = service('temporal', cluster);
    expect(temporal.image).toBe(`temporalio/server:${versions.TEMPORAL_SERVER_VERSION}`);
    expect(environmentOf('temporal', cluster)).toMatchObject({
      DB: 'postgres12',
      POSTGRES_SEEDS: 'postgres',
      POSTGRES_USER: 'temporal',
      NUM_HISTORY_SHARDS: versions.TEMPORAL_HISTORY_SHARDS,
    });
    expect(Number(versions.TEMPORAL_HISTORY_SHARDS)).toBeGreaterThanOrEqual(512);
    // The dev server's command and data volume are gone; its password comes from a secret, not the file.
    expect(temporal.command ?? []).toEqual([]);
    // Its one file: the dynamic settings every setup gives Temporal, where DYNAMIC_CONFIG_FILE_PATH points.
    expect(temporal.volumes ?? []).toEqual([
      expect.objectContaining({
        type: 'bind',
        source: path.join(root, 'deploy/local/temporal/dynamicconfig.yaml'),
        target: environmentOf('temporal', cluster).DYNAMIC_CONFIG_FILE_PATH,
        read_only: true,
      }),
    ]);
    expect(Object.keys(environmentOf('temporal', cluster))).not.toContain('POSTGRES_PWD');
    expect(temporal.entrypoint?.join(' ')).toContain('/run/secrets/temporal-database-password');
    expect(secretsOf('temporal', cluster)).toEqual(['temporal-database-password']);
    expect(portsOf('temporal', cluster)).toEqual([]);
  });

  test("sets up and upgrades Temporal's schema with its own sql tool, then registers the namespace, before any service", () => {
    const schema = service('temporal-schema', cluster);
    expect(schema.image).toBe(`temporalio/admin-tools:${versions.TEMPORAL_SERVER_VERSION}`);
    const script = schema.entrypoint?.join(' ') ?? '';
    expect(script).toContain('temporal-sql-tool --plugin postgres12');
    expect(script).toMatch(/update-schema -d \/etc\/temporal\/schema\/postgresql\/v12\/\$schema\/versioned/);
    expect(script).toContain('for db in temporal temporal_visibility');
    expect(dependenciesOf('temporal', cluster)).toMatchObject({
      'temporal-schema': 'service_completed_successfully',
    });
    expect(service('temporal-namespace', cluster).entrypoint?.join(' ')).toContain(
      'namespace create --address temporal:7233 --namespace default',
    );
    for (const name of temporalServiceNames) {
      expect(environmentOf(name, cluster).TEMPORAL_NAMESPACE).toBe('default');
      expect(dependenciesOf(name, cluster)).toMatchObject({
        temporal: 'service_healthy',
        'temporal-namespace': 'service_completed_successfully',
      });
    }
  });

  test('gives Temporal a PostgreSQL role of its own, made at first start with the password make-secrets.sh made', () => {
    const postgres = service('postgres', cluster);
    expect(postgres.volumes).toContainEqual(
      expect.objectContaining({
        source: path.join(root, 'deploy/docker/postgres/create-temporal.sh'),
        target: '/docker-entrypoint-initdb.d/20-create-temporal.sh',
        read_only: true,
      }),
    );
    expect(readText('deploy/docker/postgres/create-temporal.sh')).toMatch(
      /CREATE ROLE temporal LOGIN CREATEDB PASSWORD/,
    );
    expect(secretsOf('postgres', cluster)).toContain('temporal-database-password');
    expect(readFileSync(secretSource('temporal-database-password', cluster), 'utf8').trim()).toMatch(
      /^[0-9a-f]{48}$/,
    );
  });

  test.each(dataServiceNames)(
    'runs two replicas of %s on all three brokers, each passing its boot validation',
    (name) => {
      const replica = service(name, cluster);
      expect(replica.deploy?.replicas).toBe(2);
      // Replicas share no host port: nothing but the proxy is published.
      expect(portsOf(name, cluster)).toEqual([]);
      expect(environmentOf(name, cluster).KAFKA_BROKERS.split(',').sort()).toEqual(
        brokers.map((broker) => `${broker}:9092`).sort(),
      );
      expect(dependenciesOf(name, cluster)).toMatchObject(
        Object.fromEntries(brokers.map((broker) => [broker, 'service_healthy'])),
      );
      expect(() => validateEnv(name, envClassOf(name), resolvedEnvironmentOf(name, cluster))).not.toThrow();
    },
  );

  test('only the TLS proxy publishes ports, and the console reaches every replica by its service name', () => {
    expect(Object.keys(cluster.services).filter((name) => portsOf(name, cluster).length > 0)).toEqual([
      'proxy',
    ]);
    const upstreams = parseUpstreams(environmentOf('console', cluster).CONSOLE_UPSTREAMS) ?? {};
    for (const name of dataServiceNames)
      expect(upstreams[name]).toEqual([`http://${name}:${declared[name].port}`]);
  });
});

// =========================================================================================================

describe("the engines' own metrics in compose", () => {
  const cluster = composeProject(['docker-compose.yml', 'compose.cluster.yml']);
  const projects = { 'docker-compose.yml': compose, 'compose.cluster.yml': cluster };
  const EXPORTER = 'postgres-exporter';
  const AGENT_DOWNLOAD = 'kafka-jmx-agent';
  const MONITOR_SECRET = 'database-password-monitor';
  const brokersOf = (project: ComposeProject) =>
    Object.keys(project.services).filter((name) => project.services[name].image?.startsWith('apache/kafka:'));
  /** compose-go's fields this spec reads beyond deploy/test-support's ComposeService. */
  const extra = (name: string, project: ComposeProject = compose) =>
    service(name, project) as ComposeService & { working_dir?: string; user?: string; cap_drop?: string[] };
  const sha1 = (content: string) => createHash('sha1').update(content).digest('hex');

  /** The ports a service serves Prometheus metrics on, from the settings that open them. */
  function metricsPortsOf(name: string, project: ComposeProject): string[] {
    const env = environmentOf(name, project);
    const command = commandOf(name, project);
    const agent = brokerAgentOf(env);
    return [
      // The services: /metrics beside their API.
      ...(env.HTTP_PORT ? [env.HTTP_PORT] : []),
      ...(agent ? [agent.port] : []),
      // Temporal: the server image's PROMETHEUS_ENDPOINT, the CLI's dev server --metrics-port (on its --ip).
      ...(env.PROMETHEUS_ENDPOINT ? [hostAndPort(env.PROMETHEUS_ENDPOINT)[1]] : []),
      ...flagValues(command, '--metrics-port'),
      // postgres_exporter listens on :9187 unless told otherwise.
      ...(service(name, project).image?.startsWith('quay.io/prometheuscommunity/postgres-exporter:')
        ? [(flagValues(command, '--web.listen-address')[0] ?? ':9187').split(':').pop() ?? '']
        : []),
    ];
  }

  describe('PostgreSQL', () => {
    test("postgres-exporter runs the Prometheus community's image of the version deploy/local runs, on 9187, published nowhere", () => {
      // deploy/monitoring's dashboard and alerts were checked against the families of Debian's package.
      const upstream = debianUpstreamVersion(versions.PG_EXPORTER_DEB_VERSION);
      expect(upstream).toBe('0.11.1');
      for (const project of [compose, devCompose, cluster]) {
        expect(service(EXPORTER, project).image).toBe(
          `quay.io/prometheuscommunity/postgres-exporter:v${upstream}`,
        );
        expect(portsOf(EXPORTER, project)).toEqual([]);
      }
      expect(metricsPortsOf(EXPORTER, compose)).toEqual(['9187']);
      expect(environmentOf(EXPORTER)).not.toHaveProperty('PG_EXPORTER_WEB_LISTEN_ADDRESS');
      expect(service(EXPORTER).healthcheck?.test?.join(' ')).toContain('http://127.0.0.1:9187/');
      expect(service(EXPORTER).restart).toBe('unless-stopped');
    });

    test('reads the compose PostgreSQL, once healthy, as oneseal_monitor with its own secret, never the superuser', () => {
      const env = resolvedEnvironmentOf(EXPORTER);
      // The exporter connects to postgresql://<user>:<password>@<DATA_SOURCE_URI>.
      const uri = new URL(`postgresql://${env.DATA_SOURCE_URI}`);
      expect(service(uri.hostname).image).toMatch(/^postgres:/);
      expect(uri.port).toBe('5432');
      const owner = new URL(valueOf(resolvedEnvironmentOf(MIGRATE), 'DATABASE_URL') ?? '');
      expect(uri.pathname).toBe(owner.pathname);
      // The compose PostgreSQL has no TLS, and the exporter's driver would insist on it otherwise.
      expect(uri.searchParams.get('sslmode')).toBe('disable');
      // The role the migrate step makes as that owner (libs/database applyMonitorAccess).
      expect(env.DATA_SOURCE_USER).toBe('oneseal_monitor');
      expect(env.DATA_SOURCE_USER).toBe(monitorRoleName(owner.username));
      expect(env.DATA_SOURCE_USER).not.toBe(resolvedEnvironmentOf(uri.hostname).POSTGRES_USER);
      expect(env).not.toHaveProperty('DATA_SOURCE_PASS');
      expect(environmentOf(EXPORTER).DATA_SOURCE_PASS_FILE).toBe(`/run/secrets/${MONITOR_SECRET}`);
      expect(secretsOf(EXPORTER)).toEqual([MONITOR_SECRET]);
      expect(valueOf(env, 'DATA_SOURCE_PASS')).toMatch(/^[0-9a-f]{48}$/);
      expect(valueOf(env, 'DATA_SOURCE_PASS')).not.toBe(
        valueOf(resolvedEnvironmentOf('postgres'), 'POSTGRES_PASSWORD'),
      );
      // Not on the migrate step: PostgreSQL's figures matter most when a migration fails.
      expect(dependenciesOf(EXPORTER)).toEqual({ [uri.hostname]: 'service_healthy' });
    });

    test('the migrate step gives oneseal_monitor the password the exporter logs in with', () => {
      const migrate = resolvedEnvironmentOf(MIGRATE);
      expect(environmentOf(MIGRATE).DATABASE_MONITOR_PASSWORD_FILE).toBe(`/run/secrets/${MONITOR_SECRET}`);
      // What libs/database's migrate code reads, from the file make-secrets.sh made.
      expect(monitorAccessFromEnv(migrate)).toEqual({
        password: valueOf(resolvedEnvironmentOf(EXPORTER), 'DATA_SOURCE_PASS'),
      });
    });

    test("the superuser's password reaches PostgreSQL only; the monitor's the migrate step and the exporter", () => {
      for (const project of [compose, cluster]) {
        const holders = (secret: string) =>
          Object.keys(project.services)
            .filter((name) => secretsOf(name, project).includes(secret))
            .sort();
        expect(holders('postgres-password')).toEqual(['postgres']);
        expect(holders(MONITOR_SECRET)).toEqual([MIGRATE, EXPORTER].sort());
      }
    });
  });

  describe.each(Object.entries(projects))('Kafka in %s', (_file, project) => {
    const brokers = brokersOf(project);
    const download = () => service(AGENT_DOWNLOAD, project);
    const start = (
      broker: string,
      files: { jar?: string; rules: boolean },
      env: Record<string, string> = {},
    ) =>
      startBroker(
        commandOf(broker, project),
        { ...environmentOf(broker, project), JMX_EXPORTER_SHA1: sha1('the agent'), ...env },
        files,
      );

    test('every broker loads the JMX exporter agent on 9404, on every interface, when its jar is there', () => {
      expect(brokers.length).toBe(project === cluster ? 3 : 1);
      for (const broker of brokers) {
        const run = start(broker, { jar: 'the agent', rules: true });
        expect([broker, run.status, run.stderr]).toEqual([broker, 0, '']);
        const agent = javaAgentOf(run.started.KAFKA_OPTS);
        expect([broker, agent]).toEqual([broker, brokerAgentOf(environmentOf(broker, project))]);
        expect([broker, agent?.port, agent?.host]).toEqual([broker, '9404', '']);
      }
    });

    test('every broker starts without the agent, saying so, when the jar is missing or not the one pinned', () => {
      for (const broker of brokers) {
        for (const jar of [undefined, 'truncated']) {
          const run = start(broker, { jar, rules: true });
          // The image's command ran, with no agent for the JVM to fail on.
          expect([broker, run.status, run.started.KAFKA_OPTS]).toEqual([broker, 0, undefined]);
          expect(run.started.KAFKA_NODE_ID).toBe(environmentOf(broker, project).KAFKA_NODE_ID);
          expect(run.stderr).toMatch(/starting without metrics/);
        }
        // Nor with its rules missing: the agent would stop the JVM.
        expect(start(broker, { jar: 'the agent', rules: false }).started.KAFKA_OPTS).toBeUndefined();
      }
    });

    test("keeps an operator's own KAFKA_OPTS, with the agent or without", () => {
      const [broker] = brokers;
      const own = '-Dsun.net.inetaddr.ttl=30';
      expect(start(broker, { jar: 'the agent', rules: true }, { KAFKA_OPTS: own }).started.KAFKA_OPTS).toBe(
        `-javaagent:${environmentOf(broker, project).JMX_EXPORTER_AGENT} ${own}`,
      );
      expect(start(broker, { rules: true }, { KAFKA_OPTS: own }).started.KAFKA_OPTS).toBe(own);
    });

    test("runs the image's own command behind its entrypoint, and no agent in the container's environment", () => {
      for (const broker of brokers) {
        // apache/kafka's ENTRYPOINT (/__cacert_entrypoint.sh, from eclipse-temurin) stays and execs the command.
        expect(service(broker, project).entrypoint ?? null).toBeNull();
        expect(commandOf(broker, project).slice(-1)).toEqual([KAFKA_IMAGE_COMMAND]);
        // A command-line tool run in the container (docker compose exec) gets this environment, without the agent.
        expect(javaAgentOf(environmentOf(broker, project).KAFKA_OPTS)).toBeUndefined();
      }
    });

    test('its jar, of the version deploy/local runs, comes read-only from the volume the one-shot download fills', () => {
      const version = environmentOf(AGENT_DOWNLOAD, project).JMX_EXPORTER_VERSION;
      expect(version).toBe(versions.KAFKA_JMX_EXPORTER_VERSION);
      const folder = extra(AGENT_DOWNLOAD, project).working_dir ?? '';
      const filled = download().volumes?.find((volume) => volume.target === folder);
      expect([filled?.type, filled?.read_only ?? false]).toEqual(['volume', false]);
      for (const broker of brokers) {
        const env = environmentOf(broker, project);
        expect(brokerAgentOf(env)?.jar).toBe(`${folder}/jmx_prometheus_javaagent-${version}.jar`);
        expect(env.JMX_EXPORTER_SHA1).toBe(environmentOf(AGENT_DOWNLOAD, project).JMX_EXPORTER_SHA1);
        expect(service(broker, project).volumes).toContainEqual(
          expect.objectContaining({
            type: 'volume',
            source: filled?.source,
            target: folder,
            read_only: true,
          }),
        );
      }
    });

    test(`every broker reads the one rules file, ${JMX_EXPORTER_RULES}, mounted read-only (not a copy)`, () => {
      for (const broker of brokers) {
        const { rules } = brokerAgentOf(environmentOf(broker, project)) ?? { rules: '' };
        expect(service(broker, project).volumes).toContainEqual(
          expect.objectContaining({
            type: 'bind',
            source: path.join(root, JMX_EXPORTER_RULES),
            target: rules,
            read_only: true,
          }),
        );
      }
    });

    test('the brokers wait for the download to be over, which always exits 0 (see below)', () => {
      expect(download().restart ?? 'no').toBe('no');
      for (const broker of brokers)
        expect(dependenciesOf(broker, project)).toMatchObject({
          [AGENT_DOWNLOAD]: 'service_completed_successfully',
        });
    });

    test("the brokers' health check runs without the agent (it would find 9404 taken) and with a small heap", () => {
      for (const broker of brokers) {
        const [kind, check] = service(broker, project).healthcheck?.test ?? [];
        expect(kind).toBe('CMD-SHELL');
        const assignments = Object.fromEntries(
          (/^((?:[A-Z_]+=\S*\s+)*)\//.exec(check)?.[1] ?? '')
            .trim()
            .split(/\s+/)
            .map((assignment) => assignment.split(/=(.*)/s).slice(0, 2)),
        );
        const checkEnv = { ...environmentOf(broker, project), ...assignments } as Record<string, string>;
        expect(javaAgentOf(checkEnv.KAFKA_OPTS)).toBeUndefined();
        const heap = (options: string | undefined) => Number(/-Xmx(\d+)m/.exec(options ?? '')?.[1]);
        expect(heap(checkEnv.KAFKA_HEAP_OPTS)).toBeLessThanOrEqual(128);
        expect(heap(environmentOf(broker, project).KAFKA_HEAP_OPTS)).toBeGreaterThan(128);
      }
    });
  });

  describe('the one-shot download of the agent', () => {
    const MIRROR = 'https://maven.county.example/repository/central/';
    const withMirror = composeProject(['docker-compose.yml'], { JMX_EXPORTER_BASE_URL: MIRROR });
    const download = (project = compose) => service(AGENT_DOWNLOAD, project);
    const pinned = () => environmentOf(AGENT_DOWNLOAD).JMX_EXPORTER_SHA1;
    const version = () => environmentOf(AGENT_DOWNLOAD).JMX_EXPORTER_VERSION;
    const jar = () => `jmx_prometheus_javaagent-${version()}.jar`;
    const pathInRepository = () => `io/prometheus/jmx/jmx_prometheus_javaagent/${version()}/${jar()}`;
    const mavenCentral = () => `https://repo1.maven.org/maven2/${pathInRepository()}`;

    /**
     * Runs the service's entrypoint as its container would, in a folder standing for the volume, with a `curl` that
     * answers the jar URL with `served` and its .sha1 with `published` (or fails as an unreachable host does). What
     * it leaves in the folder, and what it asked for.
     */
    function runDownload(options: {
      served: string;
      published: string;
      pinned: string;
      inVolume?: string;
      unreachable?: boolean;
      project?: ComposeProject;
    }): {
      status: number | null;
      files: Record<string, string>;
      fetched: string[];
      stderr: string;
    } {
      const project = options.project ?? compose;
      const [shell, ...args] = download(project).entrypoint ?? [];
      const sandbox = mkdtempSync(path.join(tmpdir(), 'oneseal-jmx-agent-'));
      try {
        const [bin, volume] = ['bin', 'volume'].map((folder) => path.join(sandbox, folder));
        mkdirSync(bin);
        mkdirSync(volume);
        writeFileSync(path.join(sandbox, 'served'), options.served);
        writeFileSync(path.join(sandbox, 'published'), `${options.published}\n`);
        writeFileSync(
          path.join(bin, 'curl'),
          [
            '#!/bin/sh',
            'out=-',
            'while [ $# -gt 1 ]; do if [ "$1" = -o ]; then out="$2"; shift; fi; shift; done',
            `echo "$1" >>"${sandbox}/fetched"`,
            ...(options.unreachable
              ? ['echo "curl: (28) Connection timed out after 10002 milliseconds" >&2', 'exit 28']
              : []),
            `case "$1" in *.sha1) from="${sandbox}/published" ;; *) from="${sandbox}/served" ;; esac`,
            'if [ "$out" = - ]; then cat "$from"; else cat "$from" >"$out"; fi',
            '',
          ].join('\n'),
        );
        chmodSync(path.join(bin, 'curl'), 0o755);
        if (options.inVolume !== undefined) writeFileSync(path.join(volume, jar()), options.inVolume);
        const run = spawnSync(shell, args, {
          cwd: volume,
          encoding: 'utf8',
          env: {
            PATH: `${bin}:${process.env.PATH ?? ''}`,
            ...environmentOf(AGENT_DOWNLOAD, project),
            JMX_EXPORTER_SHA1: options.pinned,
          },
        });
        const fetchedLog = path.join(sandbox, 'fetched');
        return {
          status: run.status,
          stderr: run.stderr,
          files: Object.fromEntries(
            readdirSync(volume).map((file) => [file, readFileSync(path.join(volume, file), 'utf8')]),
          ),
          fetched: existsSync(fetchedLog) ? readFileSync(fetchedLog, 'utf8').trim().split('\n') : [],
        };
      } finally {
        rmSync(sandbox, { recursive: true, force: true });
      }
    }

    test('runs curl from a pinned image, with a pinned version and sha1, as root without any capability', () => {
      expect(download().image).toBe('curlimages/curl:8.11.1');
      expect(pinned()).toMatch(/^[0-9a-f]{40}$/);
      expect(extra(AGENT_DOWNLOAD)).toMatchObject({ user: 'root', cap_drop: ['ALL'] });
      // Not -e: a step that fails must not end the script with a non-zero status the brokers would wait on forever.
      expect(download().entrypoint?.slice(0, 2)).toEqual(['sh', '-c']);
    });

    test("keeps the jar from Maven Central when it has the pinned sha1, which is also Maven Central's", () => {
      const served = 'the agent';
      const run = runDownload({ served, published: sha1(served), pinned: sha1(served) });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.files).toEqual({ [jar()]: served });
      expect(run.fetched.sort()).toEqual([mavenCentral(), `${mavenCentral()}.sha1`]);
    });

    test('fetches from the mirror JMX_EXPORTER_BASE_URL names, with the same sha1 check', () => {
      expect(environmentOf(AGENT_DOWNLOAD, withMirror).JMX_EXPORTER_BASE_URL).toBe(MIRROR);
      const mirrored = `${MIRROR}${pathInRepository()}`;
      // A repository manager may follow the hash with the file's name.
      const kept = runDownload({
        served: 'the agent',
        published: `${sha1('the agent')}  ${jar()}`,
        pinned: sha1('the agent'),
        project: withMirror,
      });
      expect([kept.status, kept.files]).toEqual([0, { [jar()]: 'the agent' }]);
      expect(kept.fetched.sort()).toEqual([mirrored, `${mirrored}.sha1`]);
      const refused = runDownload({
        served: 'a rebuilt agent',
        published: sha1('the agent'),
        pinned: sha1('the agent'),
        project: withMirror,
      });
      expect([refused.status, refused.files]).toEqual([0, {}]);
    });

    test('keeps nothing, and exits 0 (the brokers start without the agent), when the jar is not the one pinned', () => {
      const run = runDownload({
        served: 'something else',
        published: sha1('the agent'),
        pinned: sha1('the agent'),
      });
      expect(run.status).toBe(0);
      expect(run.files).toEqual({});
      expect(run.stderr).toMatch(/does not have the pinned sha1.*the brokers start without their metrics/);
    });

    test('fetches no jar, and exits 0, when Maven Central publishes another sha1 than the pinned one', () => {
      const run = runDownload({
        served: 'another build',
        published: sha1('another build'),
        pinned: sha1('the agent'),
      });
      expect(run.status).toBe(0);
      expect(run.files).toEqual({});
      expect(run.fetched).toEqual([`${mavenCentral()}.sha1`]);
    });

    test('exits 0 when Maven Central cannot be reached, leaving no jar, not even one that was not the pinned one', () => {
      for (const inVolume of [undefined, 'truncated']) {
        const run = runDownload({
          served: 'the agent',
          published: sha1('the agent'),
          pinned: sha1('the agent'),
          unreachable: true,
          inVolume,
        });
        expect([run.status, run.files]).toEqual([0, {}]);
        expect(run.stderr).toMatch(
          /cannot fetch .*\.sha1; no agent kept, the brokers start without their metrics/,
        );
      }
    });

    test('fetches nothing when the volume already has the pinned jar, and replaces one that is not', () => {
      const kept = runDownload({
        served: 'unused',
        published: sha1('the agent'),
        pinned: sha1('the agent'),
        inVolume: 'the agent',
      });
      expect([kept.status, kept.fetched, kept.files]).toEqual([0, [], { [jar()]: 'the agent' }]);
      const replaced = runDownload({
        served: 'the agent',
        published: sha1('the agent'),
        pinned: sha1('the agent'),
        inVolume: 'truncated',
      });
      expect([replaced.status, replaced.files]).toEqual([0, { [jar()]: 'the agent' }]);
    });

    test('what a failed download leaves, a broker starts on without the agent', () => {
      const run = runDownload({
        served: 'the agent',
        published: sha1('the agent'),
        pinned: sha1('the agent'),
        unreachable: true,
      });
      expect(run.files[jar()]).toBeUndefined();
      const started = startBroker(commandOf('kafka'), environmentOf('kafka'), { rules: true });
      expect([started.status, started.started.KAFKA_OPTS]).toEqual([0, undefined]);
    });
  });

  describe('deploy/monitoring/prometheus.yml', () => {
    const targets = scrapeTargets();

    test('scrapes PostgreSQL through its exporter, every Kafka broker and Temporal', () => {
      const jobs = new Set(targets.map((target) => target.job));
      for (const job of ['postgres', 'kafka', 'temporal']) expect([job, jobs.has(job)]).toEqual([job, true]);
    });

    test('in the cluster profile, every target is a service serving metrics on that port, every broker a target', () => {
      for (const { job, host, port } of targets) {
        expect([job, host, host in cluster.services]).toEqual([job, host, true]);
        expect([job, host, metricsPortsOf(host, cluster)]).toEqual([job, host, [String(port)]]);
      }
      const scraped = targets.filter((target) => target.job === 'kafka').map((target) => target.host);
      expect(scraped.sort()).toEqual(brokersOf(cluster).sort());
    });

    test('with docker-compose.yml alone, every target but the brokers of the cluster profile is there', () => {
      const missing = targets.filter(({ host }) => !(host in compose.services)).map(({ host }) => host);
      expect(missing.every((host) => brokersOf(cluster).includes(host))).toBe(true);
      for (const { job, host, port } of targets.filter((target) => target.host in compose.services))
        expect([job, host, metricsPortsOf(host, compose)]).toEqual([job, host, [String(port)]]);
      // The dev server's metrics listen on its --ip, which other containers reach.
      expect(flagValues(commandOf('temporal'), '--ip')).toEqual(['0.0.0.0']);
    });
  });
});
