/**
 * deploy/k8s cannot be applied where OneSeal is built and tested (no cluster there). Its overlays are rendered by
 * kustomize's own library (deploy/k8s/kustomize-build.sh: krusty, what `kubectl kustomize` runs, with the load
 * restrictor lifted as the install command does), from a copy of deploy/k8s whose .secrets folder make-secrets.sh
 * made, and what they render is read as Kubernetes reads it (YAML 1.1, as kubectl's parser). overlays/county, the
 * base as it is, is checked against what it mirrors: the compose cluster project (docker-compose.yml +
 * compose.cluster.yml, resolved by compose-go as compose.spec.ts does), deploy/services.json, the env classes every
 * service validates at boot, the files make-secrets.sh makes and the versions deploy/local/versions.env pins. The
 * other overlays are checked against county: what each changes, and that it changes nothing else.
 */
// Before the env classes are loaded: their decorators record the design types that validateEnv converts by.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse, parseAllDocuments } from 'yaml';
import { validateEnv } from '../../libs/service-kit/src/env/validate-env';
import { ConsoleEnv, parseUpstreams } from '../../services/console/src/config/console.env';
import { MAX_ATTACHMENT_BYTES } from '../../services/intake/src/case-files/attachments/attachment-content';
import {
  composeProject,
  dataServiceNames,
  declared,
  envClassOf,
  KAFKA_CLUSTER_DURABILITY,
  readText,
  root,
  serviceNames,
  versions,
  webServiceNames,
  type ComposeService,
} from '../test-support/deployment-sources';
import { monitorAccessFromEnv, monitorRoleName } from '../../libs/database/src/access/monitor-access';
import { DEFAULT_TOPIC_LAYOUT } from '../../libs/kafka/src/topics-admin';
import {
  brokerAgentOf,
  debianUpstreamVersion,
  JMX_EXPORTER_RULES,
  javaAgentOf,
  KAFKA_IMAGE_COMMAND,
  scrapeTargets,
  startBroker,
  type BrokerStart,
} from '../docker/engine-metrics';

const here = path.join(root, 'deploy/k8s');
const base = path.join(here, 'base');

/** The overlays deploy/k8s ships (deploy/k8s/overlays/<name>). */
const COUNTY = 'county';
const SINGLE_NODE = 'single-node';
const PROVINCE = 'province';
const SHIPPED_OVERLAYS = [COUNTY, SINGLE_NODE, PROVINCE];

const MIGRATE = 'migrate';
const SECRETS_DIR = '/run/secrets';

// ----- the objects, as kustomize renders them -----

interface EnvVar {
  name: string;
  value?: unknown;
  valueFrom?: { secretKeyRef?: { name: string }; configMapKeyRef?: { name: string } };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
  tcpSocket?: { port: string | number };
  exec?: { command: string[] };
}
interface Container {
  name: string;
  image: string;
  workingDir?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: { secretRef?: { name: string }; configMapRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; runAsNonRoot?: boolean; runAsUser?: number };
}
interface SecretSource {
  name: string;
  items?: { key: string; path: string }[];
}
interface Volume {
  name: string;
  projected?: { defaultMode?: number; sources: { secret?: SecretSource }[] };
  secret?: { secretName: string; defaultMode?: number; items?: { key: string; path: string }[] };
  configMap?: { name: string; defaultMode?: number };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  emptyDir?: { sizeLimit?: string };
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  automountServiceAccountToken?: boolean;
  enableServiceLinks?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; fsGroup?: number };
  topologySpreadConstraints?: {
    maxSkew: number;
    topologyKey: string;
    whenUnsatisfiable: string;
    labelSelector?: { matchLabels?: Record<string, string> };
  }[];
  affinity?: {
    podAntiAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: {
        topologyKey: string;
        labelSelector?: { matchLabels?: Record<string, string> };
      }[];
      preferredDuringSchedulingIgnoredDuringExecution?: unknown[];
    };
  };
}
interface PodTemplate {
  metadata: { labels?: Record<string, string> };
  spec: PodSpec;
}
interface Metadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
type WorkloadKind = 'Deployment' | 'StatefulSet' | 'Job';
interface Workload<K extends WorkloadKind = WorkloadKind> {
  kind: K;
  metadata: Metadata;
  spec: {
    replicas?: number;
    serviceName?: string;
    podManagementPolicy?: string;
    selector?: { matchLabels?: Record<string, string> };
    template: PodTemplate;
    volumeClaimTemplates?: {
      metadata: { name: string };
      spec: { accessModes: string[]; resources: { requests: { storage: string } } };
    }[];
  };
}
interface Service {
  kind: 'Service';
  metadata: Metadata;
  spec: {
    type?: string;
    clusterIP?: string;
    publishNotReadyAddresses?: boolean;
    selector?: Record<string, string>;
    ports: { name?: string; port: number; targetPort?: string | number }[];
  };
}
interface Ingress {
  kind: 'Ingress';
  metadata: Metadata;
  spec: {
    tls?: { hosts: string[]; secretName?: string }[];
    defaultBackend?: unknown;
    rules: {
      host: string;
      http: {
        paths: {
          path: string;
          backend: { service: { name: string; port: { name?: string; number?: number } } };
        }[];
      };
    }[];
  };
}
interface NetworkPolicy {
  kind: 'NetworkPolicy';
  metadata: Metadata;
  spec: {
    podSelector: { matchLabels?: Record<string, string> };
    policyTypes?: string[];
    ingress?: { from?: { podSelector?: object; namespaceSelector?: object; ipBlock?: object }[] }[];
  };
}
interface ConfigMap {
  kind: 'ConfigMap';
  metadata: Metadata;
  data: Record<string, string>;
}
interface PersistentVolumeClaim {
  kind: 'PersistentVolumeClaim';
  metadata: Metadata;
  spec: { accessModes: string[]; resources: { requests: { storage: string } } };
}
interface Secret {
  kind: 'Secret';
  metadata: Metadata;
  type?: string;
  data?: Record<string, string>;
}
interface HorizontalPodAutoscaler {
  kind: 'HorizontalPodAutoscaler';
  apiVersion: string;
  metadata: Metadata;
  spec: {
    scaleTargetRef: { apiVersion: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: {
      type: string;
      resource?: { name: string; target: { type: string; averageUtilization?: number } };
    }[];
  };
}
interface PodDisruptionBudget {
  kind: 'PodDisruptionBudget';
  metadata: Metadata;
  spec: {
    maxUnavailable?: number | string;
    minAvailable?: number | string;
    selector?: { matchLabels?: Record<string, string> };
  };
}
interface OtherObject<K extends string> {
  kind: K;
  metadata: Metadata;
}
interface CronJob {
  kind: 'CronJob';
  metadata: Metadata;
  spec: {
    schedule: string;
    timeZone?: string;
    concurrencyPolicy?: string;
    jobTemplate: { spec: { backoffLimit?: number; template: PodTemplate } };
  };
}
type Manifest =
  | CronJob
  | Workload<'Deployment'>
  | Workload<'StatefulSet'>
  | Workload<'Job'>
  | Service
  | Ingress
  | NetworkPolicy
  | ConfigMap
  | PersistentVolumeClaim
  | Secret
  | HorizontalPodAutoscaler
  | PodDisruptionBudget
  | OtherObject<'Namespace'>;

interface Kustomization {
  namespace?: string;
  resources: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  secretGenerator?: { name: string; files: string[] }[];
  configMapGenerator?: { name: string; files: string[] }[];
}
/** The base's kustomization (deploy/k8s/base/kustomization.yaml): its resources and generators. */
const kustomization = parse(readText('deploy/k8s/base/kustomization.yaml')) as Kustomization;

/** Every object of a YAML text; YAML 1.1 as kubectl reads it (0440 is octal, yes/no are booleans). */
function parseManifests(text: string, source: string): Manifest[] {
  return parseAllDocuments(text, { version: '1.1' })
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0].message}`);
      return document.toJS() as Manifest | null;
    })
    .filter((manifest): manifest is Manifest => manifest !== null);
}
/** The objects of a manifest file of the base, as written (before kustomize). */
const readManifests = (file: string): Manifest[] =>
  parseManifests(readFileSync(path.join(base, file), 'utf8'), `base/${file}`);

/**
 * deploy/k8s as on an operator's machine, in a folder of the test's own: base/ and overlays/ copied as they are,
 * .secrets/ made by make-secrets.sh (run for real), and the files the base reads from outside deploy/k8s (the
 * Kafka brokers' JMX exporter rules, Temporal's dynamic settings) at the same place relative to it. A developer's
 * own deploy/k8s/.secrets is neither read nor written.
 */
const TREE = mkdtempSync(path.join(tmpdir(), 'oneseal-k8s-'));
afterAll(() => rmSync(TREE, { recursive: true, force: true }));
const treeK8s = path.join(TREE, 'deploy/k8s');
for (const folder of ['base', 'overlays'])
  cpSync(path.join(here, folder), path.join(treeK8s, folder), { recursive: true });
const TEMPORAL_DYNAMIC_CONFIG = 'deploy/local/temporal/dynamicconfig.yaml';
for (const file of [JMX_EXPORTER_RULES, TEMPORAL_DYNAMIC_CONFIG]) {
  mkdirSync(path.dirname(path.join(TREE, file)), { recursive: true });
  copyFileSync(path.join(root, file), path.join(TREE, file));
}
const SECRETS_FOLDER = path.join(treeK8s, '.secrets');
execFileSync('bash', [path.join(root, 'deploy/docker/make-secrets.sh'), SECRETS_FOLDER], { stdio: 'pipe' });

/**
 * What `kubectl kustomize --load-restrictor LoadRestrictionsNone <folder>` prints, rendered by kustomize's own
 * library (deploy/k8s/kustomize-build.sh, built once from the Go module proxy): the objects `kubectl apply` gets.
 */
function render(folder: string): Manifest[] {
  const yaml = execFileSync('bash', [path.join(here, 'kustomize-build.sh'), folder], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseManifests(yaml, `kustomize build ${path.relative(TREE, folder)}`);
}
const renderOverlay = (name: string): Manifest[] => render(path.join(treeK8s, 'overlays', name));

/** What the install target renders: the base as it is, checked against compose below. */
const manifests = renderOverlay(COUNTY);

const ofKind = <K extends Manifest['kind']>(kind: K) =>
  manifests.filter((manifest): manifest is Extract<Manifest, { kind: K }> => manifest.kind === kind);
const isWorkload = (manifest: Manifest): manifest is Workload =>
  ['Deployment', 'StatefulSet', 'Job'].includes(manifest.kind);
const workloads = manifests.filter(isWorkload);

function named<K extends Manifest['kind']>(kind: K, name: string): Extract<Manifest, { kind: K }> {
  const found = ofKind(kind).find((manifest) => manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named "${name}" in the manifests`);
  return found;
}
const workload = (name: string): Workload => {
  const found = workloads.find((candidate) => candidate.metadata.name === name);
  if (!found) throw new Error(`no Deployment, StatefulSet or Job named "${name}" in the manifests`);
  return found;
};
const podOf = (name: string): PodSpec => workload(name).spec.template.spec;
/** The container of that name (by convention the workload's own), or its only one. */
function containerOf(name: string): Container {
  const { containers } = podOf(name);
  const found = containers.find((container) => container.name === name) ?? containers[0];
  if (!found) throw new Error(`${name} has no container`);
  return found;
}
const allContainers = (pod: PodSpec): Container[] => [...(pod.initContainers ?? []), ...pod.containers];

/** The image a container runs: as rendered, kustomization's images: applied. */
const imageOf = (container: Container): string => container.image;

/** A container's env as plain values; Kubernetes refuses values that are not strings. */
function envOf(container: Container): Record<string, string> {
  return Object.fromEntries(
    (container.env ?? []).map(({ name, value }) => {
      if (typeof value !== 'string') throw new Error(`${container.name}: ${name} is not a string value`);
      return [name, value];
    }),
  );
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  Object.keys(selector ?? {}).length > 0 &&
  Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);

/** The workloads whose pods a Service (or any label selector) picks. */
const selectedBy = (selector: Record<string, string> | undefined) =>
  workloads.filter((candidate) => matches(selector, candidate.spec.template.metadata.labels));

// ----- secrets, as deploy/docker/make-secrets.sh makes them (run for real, into the test's copy of deploy/k8s) -----

/** Every file under a folder, as paths relative to it. */
function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(path.join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? filesUnder(folder, relative) : [relative];
  });
}
const madeFiles = filesUnder(SECRETS_FOLDER).sort();

/**
 * The generator's files, as paths inside make-secrets.sh's folder (deploy/k8s/.secrets, which the base's
 * kustomization.yaml names ../.secrets/…).
 */
function generatedFiles(generator: { files: string[] } | undefined): string[] {
  return (generator?.files ?? []).map((file) => {
    const relative = path.relative(path.join(here, '.secrets'), path.join(base, file));
    if (relative.startsWith('..')) throw new Error(`${file} is not in make-secrets.sh's folder (.secrets)`);
    return relative;
  });
}
const secretGenerator = kustomization.secretGenerator?.[0];

/** What kustomize names a generated object: the generator's name and a hash of the object's content. */
function generatedName(objects: Manifest[], kind: 'Secret' | 'ConfigMap', generator: string): string {
  const found = objects.filter(
    (object) => object.kind === kind && new RegExp(`^${generator}-[a-z0-9]{10}$`).test(object.metadata.name),
  );
  if (found.length !== 1) throw new Error(`${found.length} ${kind}s generated as "${generator}"`);
  return found[0].metadata.name;
}
/** The one Secret, generated from make-secrets.sh's files. */
const secretName = generatedName(manifests, 'Secret', secretGenerator?.name ?? '');

/** Every reference a pod makes to a Secret or a ConfigMap, as "<Kind>/<workload> <Secret|ConfigMap> <name>". */
function podReferences(objects: Manifest[]): string[] {
  return objects.filter(isWorkload).flatMap((candidate) => {
    const pod = candidate.spec.template.spec;
    const containers = allContainers(pod);
    const references: [string, string | undefined][] = [
      ...(pod.volumes ?? []).flatMap((volume): [string, string | undefined][] => [
        ...(volume.projected?.sources ?? []).map((source): [string, string | undefined] => [
          'Secret',
          source.secret?.name,
        ]),
        ['Secret', volume.secret?.secretName],
        ['ConfigMap', volume.configMap?.name],
      ]),
      ...containers.flatMap((container) =>
        (container.env ?? []).flatMap((variable): [string, string | undefined][] => [
          ['Secret', variable.valueFrom?.secretKeyRef?.name],
          ['ConfigMap', variable.valueFrom?.configMapKeyRef?.name],
        ]),
      ),
      ...containers.flatMap((container) =>
        (container.envFrom ?? []).flatMap((source): [string, string | undefined][] => [
          ['Secret', source.secretRef?.name],
          ['ConfigMap', source.configMapRef?.name],
        ]),
      ),
    ];
    return references
      .filter((reference): reference is [string, string] => reference[1] !== undefined)
      .map(([kind, name]) => `${candidate.kind}/${candidate.metadata.name} ${kind} ${name}`);
  });
}
const secretReferences = (objects: Manifest[]) =>
  podReferences(objects).filter((reference) => reference.includes(' Secret '));
/** The generated Secret's keys (each file under its own name) → the file make-secrets.sh made. */
const secretFiles = new Map(
  generatedFiles(secretGenerator).map((file) => [path.basename(file), path.join(SECRETS_FOLDER, file)]),
);

/** In-container path → secret key, for every secret file a container mounts. */
function mountedSecrets(pod: PodSpec, container: Container): Map<string, string> {
  const mounted = new Map<string, string>();
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes?.find((candidate) => candidate.name === mount.name);
    const sources: SecretSource[] = [
      ...(volume?.projected?.sources ?? []).flatMap((source) => (source.secret ? [source.secret] : [])),
      ...(volume?.secret ? [{ name: volume.secret.secretName, items: volume.secret.items }] : []),
    ];
    for (const source of sources) {
      if (source.name !== secretName) throw new Error(`${container.name} mounts a secret "${source.name}"`);
      if (!source.items)
        throw new Error(`${container.name} mounts every secret: it should name the ones it uses`);
      for (const item of source.items) mounted.set(path.posix.join(mount.mountPath, item.path), item.key);
    }
  }
  return mounted;
}
const secretsOf = (pod: PodSpec, container: Container) => [...mountedSecrets(pod, container).values()].sort();

/**
 * The environment as the service sees it inside its pod: each NAME_FILE naming a file under /run/secrets must be a
 * secret the container mounts, and is pointed at the file make-secrets.sh made for it.
 */
function resolvedEnvOf(pod: PodSpec, container: Container): Record<string, string> {
  const env = envOf(container);
  const mounted = mountedSecrets(pod, container);
  for (const [variable, value] of Object.entries(env)) {
    if (!variable.endsWith('_FILE') || !value.startsWith(`${SECRETS_DIR}/`)) continue;
    const key = mounted.get(value);
    if (key === undefined)
      throw new Error(`${container.name}: ${variable} names ${value}, which it does not mount`);
    const file = secretFiles.get(key);
    if (file === undefined)
      throw new Error(`${container.name}: secret "${key}" is not a file make-secrets.sh made`);
    env[variable] = file;
  }
  return env;
}

// ----- the compose cluster project, as compose-go resolves it (deploy/docker/compose-config.sh) -----

/** The one address the operator sets in both: the console's public address, printed on sealed documents. */
const PUBLIC_BASE_URL = envOf(containerOf('seal')).PUBLIC_BASE_URL;

const cluster = composeProject(['docker-compose.yml', 'compose.cluster.yml'], { PUBLIC_BASE_URL }).services;

function composeService(name: string): ComposeService {
  const found = cluster[name];
  if (!found) throw new Error(`the compose cluster project has no service "${name}"`);
  return found;
}
const composeEnvOf = (name: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(composeService(name).environment ?? {}).map(([key, value]) => [key, value ?? '']),
  );

// ----- Kafka: compose's nodes (kafka, kafka-2, kafka-3) and the StatefulSet's pods (kafka-0.kafka, ...) -----

const composeBrokers = Object.keys(cluster)
  .filter((name) => composeService(name).image?.startsWith('apache/kafka:'))
  .sort((a, b) => Number(composeEnvOf(a).KAFKA_NODE_ID) - Number(composeEnvOf(b).KAFKA_NODE_ID));
const kafka = ofKind('StatefulSet').find((set) =>
  imageOf(set.spec.template.spec.containers[0]).startsWith('apache/kafka:'),
);
if (!kafka) throw new Error('no Kafka StatefulSet in the manifests');
const kafkaContainer = kafka.spec.template.spec.containers[0];
const kafkaPod = (ordinal: number) => `${kafka.metadata.name}-${ordinal}`;
/** A pod's own DNS name through the StatefulSet's governing (headless) Service. */
const kafkaPodAddress = (ordinal: number) => `${kafkaPod(ordinal)}.${kafka.spec.serviceName}`;

/** compose host → the Kafka pod that is the same node (node id n is pod n-1); other hosts stay as they are. */
function inCluster(host: string): string {
  if (!composeBrokers.includes(host)) return host;
  return kafkaPodAddress(Number(composeEnvOf(host).KAFKA_NODE_ID) - 1);
}
const translateBrokers = (value: string) =>
  value
    .split(',')
    .map((broker) => {
      const [host, port] = broker.split(':');
      return `${inCluster(host)}:${port}`;
    })
    .join(',');
const translateVoters = (value: string) =>
  value
    .split(',')
    .map((voter) => {
      const [id, address] = voter.split('@');
      return `${id}@${translateBrokers(address)}`;
    })
    .join(',');

/** What the compose service of a workload is called (the three Kafka nodes are one StatefulSet). */
const composeNamesOf = (workloadName: string): string[] =>
  workloadName === kafka.metadata.name ? composeBrokers : [workloadName];

// ----- what the services validate at boot -----

const hostAndPort = (address: string): [string, number] => {
  const match = /^([^:\s/]+):(\d+)$/.exec(address);
  if (!match) throw new Error(`"${address}" is not host:port`);
  return [match[1], Number(match[2])];
};

/** A Service's port → the container port it targets in the pods it selects. */
function targetPortOf(service: Service, port: number): number | undefined {
  const servicePort = service.spec.ports.find((candidate) => candidate.port === port);
  if (!servicePort) return undefined;
  const target = servicePort.targetPort ?? servicePort.port;
  const containers = selectedBy(service.spec.selector).flatMap(
    (selected) => selected.spec.template.spec.containers,
  );
  const containerPort = containers
    .flatMap((container) => container.ports ?? [])
    .find((candidate) =>
      typeof target === 'number' ? candidate.containerPort === target : candidate.name === target,
    );
  return containerPort?.containerPort;
}

/** A probe's port, as a number (probes may name the container's port). */
function probePort(container: Container, probe: Probe | undefined): number | undefined {
  const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port;
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

// =========================================================================================================

describe('deploy/k8s/base, as overlays/county renders it', () => {
  test('the base lists every manifest of its folder, and only existing files', () => {
    const onDisk = (readdirSync(base, { recursive: true }) as string[])
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml')
      .sort();
    expect([...kustomization.resources].sort()).toEqual(onDisk);
    expect(manifests.length).toBeGreaterThan(0);
    // Nothing is left at deploy/k8s's top level, where the manifests were before the base and overlays.
    expect(readdirSync(here).filter((file) => /\.ya?ml$/.test(file))).toEqual([]);
  });

  test('puts everything in the namespace oneseal, which it creates', () => {
    expect(kustomization.namespace).toBe('oneseal');
    expect(ofKind('Namespace').map((namespace) => namespace.metadata.name)).toEqual(['oneseal']);
    expect(
      manifests
        .filter((manifest) => manifest.kind !== 'Namespace' && manifest.metadata.namespace !== 'oneseal')
        .map((manifest) => `${manifest.kind}/${manifest.metadata.name}`),
    ).toEqual([]);
    // No manifest of the base pins a namespace of its own: kustomization.yaml sets it.
    expect(
      kustomization.resources
        .flatMap(readManifests)
        .filter((manifest) => manifest.metadata.namespace !== undefined),
    ).toEqual([]);
  });

  test('names each object once', () => {
    const keys = manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  test('generates its secrets from exactly the files make-secrets.sh makes, under their own names', () => {
    expect(kustomization.secretGenerator).toHaveLength(1);
    const inSecret = generatedFiles(secretGenerator);
    const producerKeys = generatedFiles(
      kustomization.configMapGenerator?.find((generator) => generator.name === 'oneseal-event-producers'),
    );
    expect([...inSecret, ...producerKeys].sort()).toEqual(madeFiles);
    // The public keys are not secret: they go in the ConfigMap, everything else in the Secret.
    expect(producerKeys.every((file) => file.startsWith('event-producers/'))).toBe(true);
    expect(inSecret.every((file) => !file.includes('/'))).toBe(true);
    // No secret is written into a manifest: the one Secret rendered is the generated one, holding the files as
    // make-secrets.sh wrote them.
    expect(
      kustomization.resources.flatMap(readManifests).filter((manifest) => manifest.kind === 'Secret'),
    ).toEqual([]);
    const secrets = ofKind('Secret');
    expect(secrets.map((secret) => secret.metadata.name)).toEqual([secretName]);
    const data = secrets[0].data ?? {};
    expect(Object.keys(data).sort()).toEqual(inSecret.map((file) => path.basename(file)).sort());
    for (const file of inSecret)
      expect([file, Buffer.from(data[path.basename(file)], 'base64').toString('utf8')]).toEqual([
        file,
        readFileSync(path.join(SECRETS_FOLDER, file), 'utf8'),
      ]);
    const producers = named('ConfigMap', generatedName(manifests, 'ConfigMap', 'oneseal-event-producers'));
    expect(Object.keys(producers.data).sort()).toEqual(
      producerKeys.map((file) => path.basename(file)).sort(),
    );
  });

  test('a changed secret file gives the Secret a new name, which every pod mounting it is given', () => {
    const file = path.join(SECRETS_FOLDER, 'audit-chain-key');
    const before = readFileSync(file, 'utf8');
    let changed: Manifest[];
    try {
      writeFileSync(file, `${before.trim()}0\n`);
      changed = renderOverlay(COUNTY);
    } finally {
      writeFileSync(file, before);
    }
    const renamed = generatedName(changed, 'Secret', secretGenerator?.name ?? '');
    expect(renamed).not.toBe(secretName);
    // Every reference moved to the new name (so each pod is replaced and reads the new file); none is left behind.
    expect(secretReferences(changed).filter((reference) => !reference.endsWith(` ${renamed}`))).toEqual([]);
    expect(secretReferences(changed)).toEqual(
      secretReferences(manifests).map((reference) => reference.replace(secretName, renamed)),
    );
  });
});

describe.each(serviceNames)('service %s (deploy/services.json)', (name) => {
  const { port } = declared[name];
  const deployment = () => named('Deployment', name);
  const container = () => containerOf(name);
  const composeReplicas = () => composeService(name).deploy?.replicas ?? 1;

  test(`has a Service ${name}:${port} that reaches its pods' port ${port}, and no other pods`, () => {
    const service = named('Service', name);
    expect(service.spec.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(selectedBy(service.spec.selector).map((selected) => selected.metadata.name)).toEqual([name]);
    expect(targetPortOf(service, port)).toBe(port);
  });

  test(`runs ${declared[name].database === false ? 1 : 2} replica(s), as compose.cluster.yml does`, () => {
    expect(deployment().spec.replicas).toBe(declared[name].database === false ? 1 : 2);
    expect(deployment().spec.replicas).toBe(composeReplicas());
    // The Deployment's own selector picks its pods.
    expect(matches(deployment().spec.selector?.matchLabels, deployment().spec.template.metadata.labels)).toBe(
      true,
    );
  });

  test('runs node services/<name>/dist/main.js from the OneSeal image, as compose does', () => {
    expect(container().command).toEqual(composeService(name).command);
    expect(container().command).toEqual(['node', `services/${name}/dist/main.js`]);
    expect(container().image).toBe(composeService(name).image);
  });

  test('has the env of the compose cluster project, Kafka addressed by its pods', () => {
    const expected = composeEnvOf(name);
    if (expected.KAFKA_BROKERS !== undefined)
      expected.KAFKA_BROKERS = translateBrokers(expected.KAFKA_BROKERS);
    expect(envOf(container())).toEqual(expected);
    expect(envOf(container()).HTTP_PORT).toBe(String(port));
    expect(envOf(container()).HTTP_HOST).toBe('0.0.0.0');
  });

  test('passes the env validation it runs at boot, its secrets read from the files make-secrets.sh made', () => {
    const env = resolvedEnvOf(podOf(name), container());
    if (declared[name].database === false) expect(() => validateEnv(name, ConsoleEnv, env)).not.toThrow();
    else expect(() => validateEnv(name, envClassOf(name), env)).not.toThrow();
  });

  test('mounts the secrets compose gives it, and no other', () => {
    expect(secretsOf(podOf(name), container())).toEqual(
      (composeService(name).secrets ?? []).map((secret) => secret.source).sort(),
    );
  });

  test('mounts the volumes compose gives it, at the same paths, read-only where compose has them so', () => {
    const pod = podOf(name);
    const mounts = (container().volumeMounts ?? []).flatMap((mount) => {
      const volume = pod.volumes?.find((candidate) => candidate.name === mount.name);
      const source = volume?.persistentVolumeClaim?.claimName ?? volume?.configMap?.name;
      if (source === undefined) return [];
      const readOnly = mount.readOnly === true || volume?.persistentVolumeClaim?.readOnly === true;
      return [{ source, target: mount.mountPath, readOnly }];
    });
    const expected = (composeService(name).volumes ?? []).map((volume) => ({
      // Named volumes are claims of the same name; make-secrets.sh's folder of public keys is the ConfigMap made
      // from it (under the name kustomize gives it, with its content's hash).
      source:
        volume.type === 'volume'
          ? volume.source
          : volume.source === path.join(root, '.secrets/event-producers')
            ? generatedName(manifests, 'ConfigMap', 'oneseal-event-producers')
            : `unexpected bind mount ${volume.source}`,
      target: volume.target,
      readOnly: volume.read_only === true,
    }));
    const byTarget = (a: { target: string }, b: { target: string }) => a.target.localeCompare(b.target);
    expect(mounts.sort(byTarget)).toEqual(expected.sort(byTarget));
  });

  test(`is ready by GET /health on port ${port}, and kept alive on that port`, () => {
    const c = container();
    for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe])
      expect(probePort(c, probe)).toBe(port);
    expect(c.readinessProbe?.httpGet?.path).toBe('/health');
    // A service's /health is its own (database, Kafka): failing long, it is restarted. The console's reports the
    // other services, which restarting the console would not bring back: it is kept alive by its port.
    if (declared[name].database === false) expect(c.livenessProbe?.tcpSocket).toBeDefined();
    else expect(c.livenessProbe?.httpGet?.path).toBe('/health');
  });

  test('asks for CPU and memory, and is limited in memory', () => {
    const { resources } = container();
    expect(Object.keys(resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(resources?.limits?.memory).toBeDefined();
  });

  test("runs as the image's non-root user (node, uid 1000) and cannot gain privileges", () => {
    const lastUser = readText('deploy/docker/Dockerfile')
      .split('\n')
      .filter((line) => /^USER\s/.test(line))
      .pop();
    expect(lastUser?.trim()).toBe('USER node');
    // The node images' user "node" is uid 1000; a named USER cannot be checked by runAsNonRoot without the number.
    expect(podOf(name).securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container().securityContext?.allowPrivilegeEscalation).toBe(false);
  });
});

describe.each(dataServiceNames)('service %s (keeps data)', (name) => {
  test('bootstraps Kafka from every node the StatefulSet runs, each at the address it advertises', () => {
    const brokers = envOf(containerOf(name)).KAFKA_BROKERS.split(',');
    const replicas = kafka.spec.replicas ?? 1;
    expect(brokers.sort()).toEqual(
      Array.from({ length: replicas }, (_, ordinal) => `${kafkaPodAddress(ordinal)}:9092`).sort(),
    );
  });

  test('connects to PostgreSQL as its own role, at a Service that reaches the database', () => {
    const url = new URL(
      readFileSync(resolvedEnvOf(podOf(name), containerOf(name)).DATABASE_URL_FILE, 'utf8').trim(),
    );
    expect(decodeURIComponent(url.username)).toBe(`oneseal_${name}`);
    const service = named('Service', url.hostname);
    expect(targetPortOf(service, Number(url.port || '5432'))).toBe(5432);
    expect(
      selectedBy(service.spec.selector).map((selected) => imageOf(selected.spec.template.spec.containers[0])),
    ).toEqual([composeService('postgres').image]);
  });
});

describe.each(webServiceNames)('service %s (the console, keeps no data)', (name) => {
  test('passes /api/<service>/ to every other service through its Service, which reaches that service', () => {
    const upstreams = parseUpstreams(envOf(containerOf(name)).CONSOLE_UPSTREAMS) ?? {};
    expect(Object.keys(upstreams).sort()).toEqual([...dataServiceNames].sort());
    for (const upstream of dataServiceNames) {
      const urls = upstreams[upstream] ?? [];
      expect(urls).toHaveLength(1);
      const url = new URL(urls[0]);
      const service = named('Service', url.hostname);
      expect(selectedBy(service.spec.selector).map((selected) => selected.metadata.name)).toEqual([upstream]);
      expect(targetPortOf(service, Number(url.port))).toBe(declared[upstream].port);
    }
  });
});

test('every volume of a pod is mounted by one of its containers (a Job carrying one it never mounts cannot be applied again once its ConfigMap changes)', () => {
  for (const candidate of workloads) {
    const pod = candidate.spec.template.spec;
    const mounted = new Set(
      allContainers(pod).flatMap((container) => (container.volumeMounts ?? []).map((mount) => mount.name)),
    );
    const unmounted = (pod.volumes ?? [])
      .filter((volume) => !mounted.has(volume.name))
      .map((volume) => volume.name);
    expect([candidate.metadata.name, unmounted]).toEqual([candidate.metadata.name, []]);
  }
});

describe('secrets', () => {
  const holders = (secret: string) =>
    workloads
      .filter((candidate) =>
        allContainers(candidate.spec.template.spec).some((container) =>
          secretsOf(candidate.spec.template.spec, container).includes(secret),
        ),
      )
      .map((candidate) => candidate.metadata.name)
      .sort();
  const composeHolders = (secret: string) =>
    workloads
      .map((candidate) => candidate.metadata.name)
      .filter((name) =>
        composeNamesOf(name).some((composeName) =>
          (composeService(composeName).secrets ?? []).some((mounted) => mounted.source === secret),
        ),
      )
      .sort();

  test('every secret a container mounts is a file make-secrets.sh made, and every file reaches someone', () => {
    const mounted = new Set(
      workloads.flatMap((candidate) =>
        allContainers(candidate.spec.template.spec).flatMap((container) =>
          secretsOf(candidate.spec.template.spec, container),
        ),
      ),
    );
    expect([...mounted].filter((key) => !secretFiles.has(key))).toEqual([]);
    expect([...secretFiles.keys()].filter((key) => !mounted.has(key))).toEqual([]);
  });

  test('every NAME_FILE under /run/secrets names a secret its container mounts (a file make-secrets.sh made)', () => {
    for (const candidate of workloads) {
      for (const container of allContainers(candidate.spec.template.spec)) {
        expect(() => resolvedEnvOf(candidate.spec.template.spec, container)).not.toThrow();
      }
    }
  });

  test('each secret reaches exactly the workloads compose gives it to', () => {
    for (const secret of secretFiles.keys())
      expect([secret, holders(secret)]).toEqual([secret, composeHolders(secret)]);
  });

  test('each key reaches only the services that use it', () => {
    expect(holders('audit-chain-key')).toEqual(['audit']);
    expect(holders('personal-data-key')).toEqual(['intake']);
    expect(holders('applicant-lookup-key')).toEqual(['intake', 'routing']);
    expect(holders('seal-key-encryption-key')).toEqual([MIGRATE, 'seal'].sort());
    expect(holders('database-owner-url')).toEqual([MIGRATE]);
    expect(holders('postgres-password')).toEqual(['postgres']);
    expect(holders('database-password-monitor')).toEqual([MIGRATE, 'postgres-exporter'].sort());
    expect(holders('temporal-database-password')).toEqual(['postgres', 'temporal', 'temporal-schema']);
    for (const name of dataServiceNames) {
      expect(holders(`database-url-${name}`)).toEqual([name]);
      expect(holders(`database-password-${name}`)).toEqual([MIGRATE]);
    }
    for (const producer of readdirSync(path.join(SECRETS_FOLDER, 'event-producers')).map((file) =>
      path.basename(file, '.pub'),
    )) {
      expect(holders(`event-signing-${producer}.key`)).toEqual([producer]);
    }
  });

  test('no secret is written into a manifest: passwords, keys and database URLs come from files', () => {
    for (const candidate of workloads) {
      for (const container of allContainers(candidate.spec.template.spec)) {
        const variables = Object.keys(envOf(container));
        expect([
          container.name,
          variables.filter((variable) => /(PASSWORD|_KEY|SECRET|PWD)$/.test(variable)),
        ]).toEqual([container.name, []]);
        expect(variables).not.toContain('DATABASE_URL');
      }
    }
  });

  test('secret files are readable by the pod (its group) but not by every user', () => {
    for (const candidate of workloads) {
      for (const volume of candidate.spec.template.spec.volumes ?? []) {
        if (!volume.projected) continue;
        const mode = volume.projected.defaultMode ?? 0o644;
        expect([candidate.metadata.name, mode & 0o044, mode & 0o007]).toEqual([
          candidate.metadata.name,
          0o040,
          0,
        ]);
        expect(candidate.spec.template.spec.securityContext?.fsGroup).toBeDefined();
      }
    }
  });

  test('no pod gets the Kubernetes API token (it would land in /run/secrets) or service-link variables', () => {
    for (const candidate of workloads) {
      const pod = candidate.spec.template.spec;
      expect([candidate.metadata.name, pod.automountServiceAccountToken, pod.enableServiceLinks]).toEqual([
        candidate.metadata.name,
        false,
        false,
      ]);
    }
  });
});

describe('PostgreSQL', () => {
  const postgres = () => named('StatefulSet', 'postgres');
  const container = () => containerOf('postgres');

  test('runs one instance of the compose image, its data on a volume claim of its own', () => {
    expect(postgres().spec.replicas).toBe(1);
    expect(container().image).toBe(composeService('postgres').image);
    const claims = postgres().spec.volumeClaimTemplates?.map((claim) => claim.metadata.name) ?? [];
    const data = container().volumeMounts?.find((mount) => mount.mountPath === '/var/lib/postgresql/data');
    expect(claims).toContain(data?.name);
    // The data one folder down (a volume's root may hold lost+found), inside the volume.
    expect(envOf(container()).PGDATA.startsWith(`${data?.mountPath}/`)).toBe(true);
  });

  test('sets up the superuser as compose does, its password from the mounted secret', () => {
    const { PGDATA: _data, ...env } = envOf(container());
    expect(env).toEqual(composeEnvOf('postgres'));
    expect(() => resolvedEnvOf(podOf('postgres'), container())).not.toThrow();
  });

  test('runs the same first-time scripts as compose, byte for byte, under the same names', () => {
    const initdb = composeService('postgres').volumes?.filter((volume) =>
      volume.target.startsWith('/docker-entrypoint-initdb.d/'),
    );
    expect(initdb?.length).toBeGreaterThan(0);
    const mount = container().volumeMounts?.find(
      (candidate) => candidate.mountPath === '/docker-entrypoint-initdb.d',
    );
    const volume = podOf('postgres').volumes?.find((candidate) => candidate.name === mount?.name);
    const configMap = named('ConfigMap', volume?.configMap?.name ?? '');
    expect(Object.keys(configMap.data).sort()).toEqual(
      initdb?.map((script) => path.basename(script.target)).sort(),
    );
    for (const script of initdb ?? []) {
      expect(configMap.data[path.basename(script.target)]).toBe(readFileSync(script.source ?? '', 'utf8'));
    }
    // Executable, so the image runs them (rather than sourcing them into its own shell).
    expect((volume?.configMap?.defaultMode ?? 0o644) & 0o111).toBe(0o111);
  });

  test("is ready by compose's healthcheck (pg_isready over TCP)", () => {
    expect(container().readinessProbe?.exec?.command).toEqual(
      composeService('postgres').healthcheck?.test?.slice(1),
    );
  });

  test('the Jobs and the exporter compose starts once it is healthy wait for that same check, through its Service', () => {
    const service = ofKind('Service').find((candidate) =>
      selectedBy(candidate.spec.selector).some((selected) => selected.metadata.name === 'postgres'),
    );
    expect(targetPortOf(service as Service, 5432)).toBe(5432);
    const check = (composeService('postgres').healthcheck?.test ?? [])
      .slice(1)
      .join(' ')
      .replace('-h 127.0.0.1', `-h ${service?.metadata.name}`);
    // The services are not among them: they fail their boot and are restarted until the database is there.
    const waiting = workloads.filter(
      (candidate) =>
        !serviceNames.includes(candidate.metadata.name) &&
        cluster[candidate.metadata.name]?.depends_on?.postgres?.condition === 'service_healthy',
    );
    expect(waiting.map((candidate) => candidate.metadata.name)).toEqual(
      expect.arrayContaining([MIGRATE, 'postgres-exporter']),
    );
    for (const job of waiting) {
      const wait = job.spec.template.spec.initContainers?.find(
        (c) => c.image === composeService('postgres').image,
      );
      expect([job.metadata.name, wait?.command?.join(' ')]).toEqual([
        job.metadata.name,
        expect.stringContaining(check),
      ]);
    }
  });
});

/**
 * Runs the broker's command as pod kafka-<ordinal> would (deploy/docker/engine-metrics.ts startBroker): what the
 * image's own command would start the broker with.
 */
function startedBroker(
  ordinal: number,
  files: { jar?: string; rules: boolean },
  env: Record<string, string> = {},
): BrokerStart {
  return startBroker(kafkaContainer.args ?? [], { ...envOf(kafkaContainer), ...env }, files, {
    hostname: `#!/bin/sh\necho ${kafkaPod(ordinal)}\n`,
  });
}

describe('Kafka', () => {
  const env = () => envOf(kafkaContainer);

  const startedEnv = (ordinal: number): Record<string, string> =>
    startedBroker(ordinal, { rules: true }).started;

  test('runs as many KRaft nodes as compose.cluster.yml (three), started together, each with a volume of its own', () => {
    expect(composeBrokers).toHaveLength(3);
    expect(kafka.spec.replicas).toBe(composeBrokers.length);
    expect(kafka.spec.podManagementPolicy).toBe('Parallel');
    expect(imageOf(kafkaContainer)).toBe(composeService(composeBrokers[0]).image);
    const data = kafkaContainer.volumeMounts?.find((mount) => mount.mountPath === env().KAFKA_LOG_DIRS);
    expect(kafka.spec.volumeClaimTemplates?.map((claim) => claim.metadata.name)).toContain(data?.name);
  });

  test('the governing Service is headless and names pods before they are ready (the quorum needs the names)', () => {
    const service = named('Service', kafka.spec.serviceName ?? '');
    expect(service.spec.clusterIP).toBe('None');
    expect(service.spec.publishNotReadyAddresses).toBe(true);
    expect(selectedBy(service.spec.selector)).toEqual([kafka]);
  });

  test("has compose.cluster.yml's settings, each node's id and address its own", () => {
    for (const composeName of composeBrokers) {
      const {
        KAFKA_NODE_ID: _id,
        KAFKA_ADVERTISED_LISTENERS: _advertised,
        ...shared
      } = composeEnvOf(composeName);
      shared.KAFKA_CONTROLLER_QUORUM_VOTERS = translateVoters(shared.KAFKA_CONTROLLER_QUORUM_VOTERS);
      expect(env()).toEqual(shared);
    }
  });

  test('replicates every topic three times, acknowledges a write with two replicas, never elects an unclean leader', () => {
    expect(env()).toMatchObject(KAFKA_CLUSTER_DURABILITY);
    expect(Number(env().KAFKA_DEFAULT_REPLICATION_FACTOR)).toBeLessThanOrEqual(kafka.spec.replicas ?? 0);
  });

  test.each([0, 1, 2])(
    'pod kafka-%i starts as the voter of its own id, advertising its own address',
    (ordinal) => {
      const started = startedEnv(ordinal);
      const voters = Object.fromEntries(
        started.KAFKA_CONTROLLER_QUORUM_VOTERS.split(',').map((voter) => voter.split('@')),
      );
      expect(voters[started.KAFKA_NODE_ID]).toBe(`${kafkaPodAddress(ordinal)}:9093`);
      expect(started.KAFKA_ADVERTISED_LISTENERS).toBe(`PLAINTEXT://${kafkaPodAddress(ordinal)}:9092`);
      // The same node as compose's: node id n, the same listener name and port.
      const composeName = composeBrokers[ordinal];
      expect(started.KAFKA_NODE_ID).toBe(composeEnvOf(composeName).KAFKA_NODE_ID);
      expect(started.KAFKA_ADVERTISED_LISTENERS).toBe(
        composeEnvOf(composeName).KAFKA_ADVERTISED_LISTENERS.replace(
          `//${composeName}:`,
          `//${inCluster(composeName)}:`,
        ),
      );
    },
  );

  test("is ready by compose's healthcheck (the broker answers for its API versions)", () => {
    const [kind, check] = composeService(composeBrokers[0]).healthcheck?.test ?? [];
    expect(kind).toBe('CMD-SHELL');
    expect(kafkaContainer.readinessProbe?.exec?.command).toEqual(['sh', '-c', check]);
  });
});

describe('Temporal', () => {
  const server = () => containerOf('temporal');

  test('runs the Temporal Server version of deploy/local/versions.env, with its history shards', () => {
    expect(imageOf(server())).toBe(`temporalio/server:${versions.TEMPORAL_SERVER_VERSION}`);
    expect(envOf(server()).NUM_HISTORY_SHARDS).toBe(versions.TEMPORAL_HISTORY_SHARDS);
    expect(named('Deployment', 'temporal').spec.replicas).toBe(1);
  });

  test('has the env and entrypoint of compose.cluster.yml, its password from the mounted secret only', () => {
    expect(envOf(server())).toEqual(composeEnvOf('temporal'));
    expect(server().command).toEqual(composeService('temporal').entrypoint);
    expect(server().args).toBeUndefined();
    expect(envOf(server())).not.toHaveProperty('POSTGRES_PWD');
    const secretPath = /\$\(cat (\S+)\)/.exec(server().command?.join(' ') ?? '')?.[1] ?? '';
    expect(mountedSecrets(podOf('temporal'), server()).get(secretPath)).toBe('temporal-database-password');
  });

  test('reads the dynamic settings compose.cluster.yml mounts, from a ConfigMap of the same file', () => {
    const [composeMount] = composeService('temporal').volumes ?? [];
    const target = envOf(server()).DYNAMIC_CONFIG_FILE_PATH;
    expect(composeMount?.target).toBe(target);
    const mount = server().volumeMounts?.find((candidate) => candidate.mountPath === target);
    expect(mount?.readOnly).toBe(true);
    const volume = podOf('temporal').volumes?.find((candidate) => candidate.name === mount?.name);
    const configMap = named('ConfigMap', volume?.configMap?.name ?? '');
    expect(composeMount?.source).toBe(path.join(root, TEMPORAL_DYNAMIC_CONFIG));
    expect(configMap.data[mount?.subPath ?? '']).toBe(
      readFileSync(path.join(root, TEMPORAL_DYNAMIC_CONFIG), 'utf8'),
    );
  });

  test('makes its schema and registers its namespace with the scripts and image of compose.cluster.yml', () => {
    for (const job of ['temporal-schema', 'temporal-namespace']) {
      expect(named('Job', job).spec.template.spec.containers).toHaveLength(1);
      expect(containerOf(job).command).toEqual(composeService(job).entrypoint);
      expect(imageOf(containerOf(job))).toBe(composeService(job).image);
      expect(imageOf(containerOf(job))).toBe(`temporalio/admin-tools:${versions.TEMPORAL_SERVER_VERSION}`);
    }
  });

  test('the services reach it at TEMPORAL_ADDRESS through a ClusterIP Service, in the namespace the Job registers', () => {
    for (const name of serviceNames.filter((candidate) => declared[candidate].temporal)) {
      const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE } = envOf(containerOf(name));
      const [host, port] = hostAndPort(TEMPORAL_ADDRESS);
      const service = named('Service', host);
      expect(service.spec.type ?? 'ClusterIP').toBe('ClusterIP');
      expect(selectedBy(service.spec.selector).map((selected) => selected.metadata.name)).toEqual([
        'temporal',
      ]);
      expect(targetPortOf(service, port)).toBe(port);
      expect(containerOf('temporal-namespace').command?.join(' ')).toContain(
        `namespace create --address ${TEMPORAL_ADDRESS} --namespace ${TEMPORAL_NAMESPACE}`,
      );
    }
  });
});

describe('the migrate Job', () => {
  const migrate = () => containerOf(MIGRATE);

  test('runs the command of compose with its env, from the image the services run', () => {
    expect(migrate().command).toEqual(composeService(MIGRATE).command);
    expect(envOf(migrate())).toEqual(composeEnvOf(MIGRATE));
    expect(envOf(migrate()).ONESEAL_DEMO_ACCOUNTS).toBe('0');
    expect(new Set(serviceNames.map((name) => containerOf(name).image))).toEqual(new Set([migrate().image]));
    expect(named('Job', MIGRATE).spec.template.spec.containers).toHaveLength(1);
  });

  test('migrates as the owner role, whose URL make-secrets.sh wrote', () => {
    const url = new URL(
      readFileSync(resolvedEnvOf(podOf(MIGRATE), migrate()).DATABASE_URL_FILE, 'utf8').trim(),
    );
    expect(url.username).toBe('oneseal');
  });

  test("writes the keys into claims named as compose's volumes, which the services mount read-only", () => {
    const pod = podOf(MIGRATE);
    const written = (composeService(MIGRATE).volumes ?? []).filter((volume) => volume.type === 'volume');
    expect(written.length).toBeGreaterThan(0);
    for (const volume of written) {
      const mount = migrate().volumeMounts?.find((candidate) => candidate.mountPath === volume.target);
      const claim = pod.volumes?.find((candidate) => candidate.name === mount?.name)?.persistentVolumeClaim;
      expect([volume.target, claim?.claimName, mount?.readOnly ?? false]).toEqual([
        volume.target,
        volume.source,
        false,
      ]);
      // Written by the Job, read by replicas on any node at the same time.
      expect(named('PersistentVolumeClaim', volume.source ?? '').spec.accessModes).toContain('ReadWriteMany');
    }
  });

  test('only identity (and the Job that makes it) mounts the private token signing key', () => {
    const claim = podOf('identity').volumes?.find((volume) =>
      envOf(containerOf('identity')).AUTH_PRIVATE_KEY_FILE.startsWith(
        `${containerOf('identity').volumeMounts?.find((mount) => mount.name === volume.name)?.mountPath}/`,
      ),
    )?.persistentVolumeClaim?.claimName;
    expect(claim).toBeDefined();
    const mounting = workloads
      .filter((candidate) =>
        (candidate.spec.template.spec.volumes ?? []).some(
          (volume) => volume.persistentVolumeClaim?.claimName === claim,
        ),
      )
      .map((candidate) => candidate.metadata.name);
    expect(mounting.sort()).toEqual(['identity', MIGRATE].sort());
  });
});

describe('the nightly check of the document folder', () => {
  const cron = () => named('CronJob', 'seal-documents-check');
  const pod = () => cron().spec.jobTemplate.spec.template.spec;

  test("runs the seal's check with the seal's image, once a night, one at a time, not retried", () => {
    expect(cron().spec.schedule).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(cron().spec.concurrencyPolicy).toBe('Forbid');
    expect(cron().spec.jobTemplate.spec.backoffLimit).toBe(0);
    const [check] = pod().containers;
    expect(pod().containers).toHaveLength(1);
    expect(check.image).toBe(containerOf('seal').image);
    expect(check.command).toEqual(['node', 'services/seal/dist/check-pdfs-cli.js']);
    expect(existsSync(path.join(root, 'services/seal/src/check-pdfs-cli.ts'))).toBe(true);
    expect(pod().securityContext).toEqual(podOf('seal').securityContext);
  });

  test("reads the seal's database as the seal's role and its document claim read-only, and holds no other secret", () => {
    const [check] = pod().containers;
    const seal = envOf(containerOf('seal'));
    expect(envOf(check)).toEqual({
      DATABASE_URL_FILE: seal.DATABASE_URL_FILE,
      SEAL_DOCUMENT_FOLDER: seal.SEAL_DOCUMENT_FOLDER,
    });
    const mount = check.volumeMounts?.find((candidate) => candidate.mountPath === seal.SEAL_DOCUMENT_FOLDER);
    const volume = pod().volumes?.find((candidate) => candidate.name === mount?.name);
    const sealClaim = podOf('seal').volumes?.find(
      (candidate) =>
        candidate.name ===
        containerOf('seal').volumeMounts?.find((m) => m.mountPath === seal.SEAL_DOCUMENT_FOLDER)?.name,
    )?.persistentVolumeClaim?.claimName;
    expect([mount?.readOnly, volume?.persistentVolumeClaim]).toEqual([
      true,
      { claimName: sealClaim, readOnly: true },
    ]);
    const secrets = (pod().volumes ?? []).flatMap((candidate) =>
      (candidate.projected?.sources ?? []).flatMap(
        (source) => source.secret?.items?.map((item) => item.key) ?? [],
      ),
    );
    expect(secrets).toEqual([path.basename(seal.DATABASE_URL_FILE)]);
  });
});

describe('what is reachable', () => {
  test('no Service is published on the nodes or a load balancer', () => {
    expect(
      ofKind('Service')
        .filter((service) => !['ClusterIP', undefined].includes(service.spec.type))
        .map((service) => service.metadata.name),
    ).toEqual([]);
  });

  test('the one Ingress passes HTTPS to the console only, at the address sealed documents print', () => {
    const ingresses = ofKind('Ingress');
    expect(ingresses).toHaveLength(1);
    const [ingress] = ingresses;
    expect(ingress.spec.defaultBackend).toBeUndefined();
    const backends = ingress.spec.rules.flatMap((rule) =>
      rule.http.paths.map((entry) => entry.backend.service),
    );
    expect(new Set(backends.map((backend) => backend.name))).toEqual(new Set(webServiceNames));
    for (const backend of backends) {
      const service = named('Service', backend.name);
      const port = service.spec.ports.find((candidate) => candidate.name === backend.port.name)?.port;
      expect(targetPortOf(service, port ?? -1)).toBe(declared[backend.name].port);
    }
    // TLS for every name it serves, and that name is the one printed on documents and receipts.
    const hosts = ingress.spec.rules.map((rule) => rule.host);
    expect(ingress.spec.tls?.flatMap((tls) => tls.hosts).sort()).toEqual([...hosts].sort());
    expect(hosts).toContain(new URL(PUBLIC_BASE_URL).hostname);
    expect(new URL(PUBLIC_BASE_URL).protocol).toBe('https:');
  });

  test("lets a case file's largest attachment through the ingress controller", () => {
    const [ingress] = ofKind('Ingress');
    const size = /^(\d+)([km]?)$/i.exec(
      ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'] ?? '',
    );
    expect(size).not.toBeNull();
    const bytes =
      Number(size?.[1]) *
      ({ '': 1, k: 1024, m: 1024 * 1024 } as Record<string, number>)[size?.[2].toLowerCase() ?? ''];
    expect(bytes).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
  });

  test('network policies let only the console be reached from outside the namespace', () => {
    const policies = ofKind('NetworkPolicy');
    const selecting = (candidate: Workload) =>
      policies.filter((policy) => {
        const selector = policy.spec.podSelector.matchLabels ?? {};
        return (
          Object.keys(selector).length === 0 || matches(selector, candidate.spec.template.metadata.labels)
        );
      });
    const fromOutside = (policy: NetworkPolicy) =>
      (policy.spec.ingress ?? []).some(
        (rule) =>
          rule.from === undefined ||
          rule.from.some((peer) => peer.namespaceSelector !== undefined || peer.ipBlock !== undefined),
      );
    for (const candidate of workloads) {
      const applying = selecting(candidate);
      // Every pod is isolated by at least one policy (else everything may reach it).
      expect([candidate.metadata.name, applying.length > 0]).toEqual([candidate.metadata.name, true]);
    }
    const reachableFromOutside = workloads
      .filter((candidate) => selecting(candidate).some(fromOutside))
      .map((candidate) => candidate.metadata.name);
    expect(reachableFromOutside).toEqual(webServiceNames);
  });
});

describe('every workload', () => {
  const containers = workloads.flatMap((candidate) =>
    allContainers(candidate.spec.template.spec).map((container) => ({
      workload: candidate.metadata.name,
      container,
    })),
  );

  test('runs images with pinned tags (no latest, no untagged image)', () => {
    for (const { container } of containers)
      expect(imageOf(container)).toMatch(/^[^:\s]+:(?!latest$)[\w.-]+$/);
  });

  test('runs the OneSeal image under a name kustomization.yaml can replace', () => {
    const oneseal = composeService(MIGRATE).image ?? '';
    const ours = containers.filter(({ container }) => container.image === oneseal);
    expect(new Set(ours.map(({ workload }) => workload))).toEqual(new Set([...serviceNames, MIGRATE]));
    expect(kustomization.images?.map((image) => image.name)).toContain(oneseal.split(':')[0]);
  });

  test("gives commands that Kubernetes' $(VAR) expansion leaves as they are", () => {
    for (const { workload: name, container } of containers) {
      const variables = (container.env ?? []).map((variable) => variable.name);
      const text = [...(container.command ?? []), ...(container.args ?? [])].join('\n');
      // $$ would become $, and $(NAME) of one of its variables would be replaced before the shell sees it.
      expect([name, text.includes('$$')]).toEqual([name, false]);
      expect([name, variables.filter((variable) => text.includes(`$(${variable})`))]).toEqual([name, []]);
    }
  });

  test('names in-cluster addresses (http://host:port, TEMPORAL_ADDRESS) that a Service answers on', () => {
    const addresses = containers.flatMap(({ container }) =>
      Object.entries(envOf(container)).flatMap(([variable, value]): [string, string, number][] => {
        if (variable === 'TEMPORAL_ADDRESS') return [[variable, ...hostAndPort(value)]];
        const url = /^http:\/\/([a-z0-9-]+):(\d+)(\/|$)/.exec(value);
        return url ? [[variable, url[1], Number(url[2])]] : [];
      }),
    );
    expect(addresses.length).toBeGreaterThan(0);
    for (const [variable, host, port] of addresses) {
      expect([variable, host, targetPortOf(named('Service', host), port)]).toEqual([variable, host, port]);
    }
  });
});

describe("the engines' own metrics", () => {
  const EXPORTER = 'postgres-exporter';
  const AGENT_DOWNLOAD = 'kafka-jmx-agent';
  const MONITOR_SECRET = 'database-password-monitor';
  const agent = () => brokerAgentOf(envOf(kafkaContainer));
  const mountAt = (container: Container, mountPath: string) =>
    container.volumeMounts?.find((mount) => mount.mountPath === mountPath);
  const sha1 = (content: string) => createHash('sha1').update(content).digest('hex');

  describe('PostgreSQL', () => {
    const exporter = () => containerOf(EXPORTER);

    test("runs compose's postgres-exporter, of the version deploy/local runs: its image and env, one replica", () => {
      expect(named('Deployment', EXPORTER).spec.replicas).toBe(1);
      expect(imageOf(exporter())).toBe(composeService(EXPORTER).image);
      expect(imageOf(exporter())).toBe(
        `quay.io/prometheuscommunity/postgres-exporter:v${debianUpstreamVersion(versions.PG_EXPORTER_DEB_VERSION)}`,
      );
      expect(envOf(exporter())).toEqual(composeEnvOf(EXPORTER));
    });

    test('reads PostgreSQL through its Service as oneseal_monitor, with the password the migrate Job gives that role', () => {
      const uri = new URL(`postgresql://${envOf(exporter()).DATA_SOURCE_URI}`);
      const service = named('Service', uri.hostname);
      expect(targetPortOf(service, Number(uri.port))).toBe(5432);
      expect(selectedBy(service.spec.selector).map((selected) => selected.metadata.name)).toEqual([
        'postgres',
      ]);
      const env = resolvedEnvOf(podOf(EXPORTER), exporter());
      const owner = new URL(
        readFileSync(resolvedEnvOf(podOf(MIGRATE), containerOf(MIGRATE)).DATABASE_URL_FILE, 'utf8').trim(),
      );
      expect(env.DATA_SOURCE_USER).toBe('oneseal_monitor');
      expect(env.DATA_SOURCE_USER).toBe(monitorRoleName(owner.username));
      expect(mountedSecrets(podOf(EXPORTER), exporter()).get(envOf(exporter()).DATA_SOURCE_PASS_FILE)).toBe(
        MONITOR_SECRET,
      );
      expect(secretsOf(podOf(EXPORTER), exporter())).toEqual([MONITOR_SECRET]);
      // What libs/database's migrate code reads in the Job: the same file.
      expect(monitorAccessFromEnv(resolvedEnvOf(podOf(MIGRATE), containerOf(MIGRATE)))).toEqual({
        password: readFileSync(env.DATA_SOURCE_PASS_FILE, 'utf8').trim(),
      });
    });

    test('is reached at postgres-exporter:9187 inside the cluster only, and ready by its own page there', () => {
      const service = named('Service', EXPORTER);
      expect(service.spec.type ?? 'ClusterIP').toBe('ClusterIP');
      expect(selectedBy(service.spec.selector).map((selected) => selected.metadata.name)).toEqual([EXPORTER]);
      expect(targetPortOf(service, 9187)).toBe(9187);
      for (const probe of [exporter().readinessProbe, exporter().livenessProbe])
        expect(probePort(exporter(), probe)).toBe(9187);
    });
  });

  describe('Kafka', () => {
    const download = () => kafka.spec.template.spec.initContainers?.find((c) => c.name === AGENT_DOWNLOAD);

    test("every node loads compose's JMX exporter agent on 9404 when its jar is there, which the pods and the headless Service name", () => {
      expect(agent()).toMatchObject({ host: '', port: '9404' });
      expect(envOf(kafkaContainer).JMX_EXPORTER_AGENT).toBe(
        composeEnvOf(composeBrokers[0]).JMX_EXPORTER_AGENT,
      );
      expect(envOf(kafkaContainer).JMX_EXPORTER_SHA1).toBe(envOf(download() as Container).JMX_EXPORTER_SHA1);
      const run = startedBroker(
        1,
        { jar: 'the agent', rules: true },
        { JMX_EXPORTER_SHA1: sha1('the agent') },
      );
      expect([run.status, run.stderr]).toEqual([0, '']);
      expect(javaAgentOf(run.started.KAFKA_OPTS)).toEqual(agent());
      expect(run.started.KAFKA_NODE_ID).toBe('2');
      expect(kafkaContainer.ports).toContainEqual({ name: 'metrics', containerPort: 9404 });
      expect(targetPortOf(named('Service', kafka.spec.serviceName ?? ''), 9404)).toBe(9404);
    });

    test('a node starts without the agent, with its own id and address, when the jar is missing or not the one pinned', () => {
      for (const jar of [undefined, 'truncated']) {
        const run = startedBroker(2, { jar, rules: true }, { JMX_EXPORTER_SHA1: sha1('the agent') });
        expect([run.status, run.started.KAFKA_OPTS, run.started.KAFKA_NODE_ID]).toEqual([0, undefined, '3']);
        expect(run.started.KAFKA_ADVERTISED_LISTENERS).toBe(`PLAINTEXT://${kafkaPodAddress(2)}:9092`);
        expect(run.stderr).toMatch(/starting without metrics/);
      }
    });

    test("runs compose's broker command after its own id and address, behind the image's entrypoint, no agent in the pod's environment", () => {
      const composeCommand = composeService(composeBrokers[0]).command ?? [];
      const args = kafkaContainer.args ?? [];
      // args, not command: apache/kafka's ENTRYPOINT (/__cacert_entrypoint.sh) stays, as under compose.
      expect(kafkaContainer.command).toBeUndefined();
      expect(args.slice(0, 2)).toEqual(composeCommand.slice(0, 2));
      expect(args.slice(3)).toEqual(composeCommand.slice(3));
      expect(args.slice(-1)).toEqual([KAFKA_IMAGE_COMMAND]);
      expect(args[2].endsWith(composeCommand[2])).toBe(true);
      // What a tool run in the pod (kubectl exec) and the readiness probe get.
      expect(javaAgentOf(envOf(kafkaContainer).KAFKA_OPTS)).toBeUndefined();
    });

    test("an init container tries to fetch the agent with compose's pinned image, version, sha1, source and script", () => {
      const composeDownload = composeService(AGENT_DOWNLOAD) as ComposeService & { working_dir?: string };
      expect(download()).toBeDefined();
      expect(imageOf(download() as Container)).toBe(composeDownload.image);
      expect(download()?.command).toEqual(composeDownload.entrypoint);
      expect(envOf(download() as Container)).toEqual(composeEnvOf(AGENT_DOWNLOAD));
      expect(envOf(download() as Container).JMX_EXPORTER_BASE_URL).toBe('https://repo1.maven.org/maven2');
      expect(download()?.workingDir).toBe(composeDownload.working_dir);
    });

    test("the jar is kept in a folder of the node's own volume beside its data, which the broker reads read-only", () => {
      const folder = download()?.workingDir ?? '';
      const filled = mountAt(download() as Container, folder);
      // A claim, not an emptyDir: a pod made again finds the jar without a download.
      expect(kafka.spec.volumeClaimTemplates?.map((claim) => claim.metadata.name)).toContain(filled?.name);
      expect(
        kafka.spec.template.spec.volumes?.find((volume) => volume.name === filled?.name),
      ).toBeUndefined();
      expect(filled?.subPath).toBeTruthy();
      expect(filled?.readOnly ?? false).toBe(false);
      const data = kafkaContainer.volumeMounts?.find(
        (mount) => mount.mountPath === envOf(kafkaContainer).KAFKA_LOG_DIRS,
      );
      expect(filled?.subPath).not.toBe(data?.subPath);
      expect(path.posix.dirname(agent()?.jar ?? '')).toBe(folder);
      expect(mountAt(kafkaContainer, folder)).toEqual({ ...filled, readOnly: true });
    });

    test(`the broker reads the rules from a ConfigMap made of ${JMX_EXPORTER_RULES} itself`, () => {
      const { rules = '' } = agent() ?? {};
      const mount = mountAt(kafkaContainer, path.posix.dirname(rules));
      expect(mount?.readOnly).toBe(true);
      const configMap =
        kafka.spec.template.spec.volumes?.find((volume) => volume.name === mount?.name)?.configMap?.name ??
        '';
      const generated = kustomization.configMapGenerator?.find((generator) =>
        configMap.startsWith(`${generator.name}-`),
      );
      expect(generatedName(manifests, 'ConfigMap', generated?.name ?? '')).toBe(configMap);
      // The base reads deploy/local's file itself, not a copy of it.
      const sources = Object.fromEntries(
        (generated?.files ?? []).map((file) => {
          const [key, source] = file.includes('=') ? file.split('=') : [path.basename(file), file];
          return [key, path.resolve(base, source)];
        }),
      );
      expect(sources[path.posix.basename(rules)]).toBe(path.join(root, JMX_EXPORTER_RULES));
      expect(named('ConfigMap', configMap).data[path.posix.basename(rules)]).toBe(
        readText(JMX_EXPORTER_RULES),
      );
    });

    test('the install commands render an overlay with the load restrictor lifted that keeps kustomize in its folder', () => {
      const install = [...readText('deploy/k8s/README.md').matchAll(/```sh\n([\s\S]*?)```/g)]
        .map((block) => block[1])
        .join('\n');
      for (const overlay of SHIPPED_OVERLAYS)
        expect(install).toContain(
          `kubectl kustomize --load-restrictor LoadRestrictionsNone deploy/k8s/overlays/${overlay} | kubectl apply -f -`,
        );
      expect(install).not.toMatch(/kubectl apply -k/);
      // Neither deploy/k8s (no kustomization there any more) nor the base alone is what gets installed.
      expect(install).not.toMatch(/LoadRestrictionsNone deploy\/k8s(\/base)?\/?\s/);
    });
  });

  test("every target of deploy/monitoring/prometheus.yml is in the cluster: compose's names, Kafka's nodes as pods", () => {
    for (const { job, host, port } of scrapeTargets()) {
      const address = inCluster(host);
      const pod = /^(.+)-(\d+)\.([^.]+)$/.exec(address);
      if (pod) {
        // A Kafka node: its own name through the headless Service, on a port the Service lists.
        expect([job, pod[1], Number(pod[2]) < (kafka.spec.replicas ?? 1)]).toEqual([
          job,
          kafka.metadata.name,
          true,
        ]);
        expect([job, address, targetPortOf(named('Service', pod[3]), port)]).toEqual([job, address, port]);
      } else {
        expect([job, host, targetPortOf(named('Service', host), port)]).toEqual([job, host, port]);
      }
    }
  });
});

// =========================================================================================================
// The other overlays, each against county: what it changes, and that it changes nothing else.

const renders = new Map<string, Manifest[]>([[COUNTY, manifests]]);
/** An overlay's objects, rendered once. */
function overlay(name: string): Manifest[] {
  const found = renders.get(name) ?? renderOverlay(name);
  renders.set(name, found);
  return found;
}
const keyOf = (manifest: Manifest) => `${manifest.kind}/${manifest.metadata.name}`;
const inOverlay = <K extends Manifest['kind']>(objects: Manifest[], kind: K, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named "${name}"`);
  return found as Extract<Manifest, { kind: K }>;
};
const workloadsOf = (objects: Manifest[]) => objects.filter(isWorkload);
const workloadIn = (objects: Manifest[], name: string): Workload => {
  const found = workloadsOf(objects).find((candidate) => candidate.metadata.name === name);
  if (!found) throw new Error(`no workload named "${name}"`);
  return found;
};

/** Lists of named entries (containers, env, volumes, mounts, ports) as maps by name: their order does not count. */
function normalized(value: unknown): unknown {
  if (Array.isArray(value)) {
    const named = value.every(
      (entry) =>
        typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string',
    );
    if (named && value.length > 0)
      return Object.fromEntries(
        value.map((entry: { name: string }) => [`[${entry.name}]`, normalized(entry)] as const),
      );
    return value.map(normalized);
  }
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, normalized(entry)]));
  return value;
}
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
function changedPaths(before: unknown, after: unknown, at: string): string[] {
  const join = (key: string) => (key.startsWith('[') || at === '' ? `${at}${key}` : `${at}.${key}`);
  if (isRecord(before) && isRecord(after))
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) =>
      changedPaths(before[key], after[key], join(key)),
    );
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length)
    return before.flatMap((entry, index) => changedPaths(entry, after[index], `${at}[${index}]`));
  return isDeepStrictEqual(before, after) ? [] : [at];
}
/**
 * How an overlay's objects differ from county's: "+ Kind/name" added, "- Kind/name" left out, "Kind/name path" for
 * each value changed, added or removed (lists of named entries compared by name).
 */
function differences(from: Manifest[], to: Manifest[]): string[] {
  const before = new Map(from.map((object) => [keyOf(object), object]));
  const after = new Map(to.map((object) => [keyOf(object), object]));
  return [
    ...[...after.keys()].filter((key) => !before.has(key)).map((key) => `+ ${key}`),
    ...[...before.keys()].filter((key) => !after.has(key)).map((key) => `- ${key}`),
    ...[...before.keys()]
      .filter((key) => after.has(key))
      .flatMap((key) =>
        changedPaths(normalized(before.get(key)), normalized(after.get(key)), '').map((at) => `${key} ${at}`),
      ),
  ];
}
const outside = (found: string[], allowed: RegExp[]) =>
  found.filter((difference) => !allowed.some((pattern) => pattern.test(difference)));

const SERVICES = serviceNames.join('|');

/** Kubernetes quantities: CPU in cores ("250m", "2"), memory in bytes ("512Mi", "2Gi"). */
function cores(quantity: string | number | undefined): number {
  if (quantity === undefined) return 0;
  const text = String(quantity);
  return text.endsWith('m') ? Number(text.slice(0, -1)) / 1000 : Number(text);
}
function bytes(quantity: string | number | undefined): number {
  if (quantity === undefined) return 0;
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(quantity));
  if (!match) throw new Error(`"${quantity}" is not a memory quantity`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Number(match[1]) * (match[2] ? unit[match[2] as keyof typeof unit] : 1);
}
const GiB = 2 ** 30;
/** What the scheduler reserves for one pod: its containers' requests, or its largest init container's if more. */
function podRequests(pod: PodSpec): { cpu: number; memory: number } {
  const of = (container: Container) => ({
    cpu: cores(container.resources?.requests?.cpu),
    memory: bytes(container.resources?.requests?.memory),
  });
  const running = pod.containers.map(of).reduce((sum, each) => ({
    cpu: sum.cpu + each.cpu,
    memory: sum.memory + each.memory,
  }));
  const init = (pod.initContainers ?? []).map(of);
  return {
    cpu: Math.max(running.cpu, ...init.map((each) => each.cpu)),
    memory: Math.max(running.memory, ...init.map((each) => each.memory)),
  };
}
/** Everything the objects ask the scheduler for at once: every pod of every workload, the Jobs' too. */
function totalRequests(objects: Manifest[]): { cpu: number; memory: number } {
  return workloadsOf(objects).reduce(
    (sum, candidate) => {
      const replicas = candidate.kind === 'Job' ? 1 : (candidate.spec.replicas ?? 1);
      const pod = podRequests(candidate.spec.template.spec);
      return { cpu: sum.cpu + replicas * pod.cpu, memory: sum.memory + replicas * pod.memory };
    },
    { cpu: 0, memory: 0 },
  );
}
const storageOf = (set: Workload) =>
  bytes(set.spec.volumeClaimTemplates?.[0]?.spec.resources.requests.storage);

describe('the overlays (deploy/k8s/overlays)', () => {
  const onDisk = readdirSync(path.join(here, 'overlays')).sort();

  test('ships county, single-node and province, each a kustomization on the base using every file of its folder', () => {
    expect(onDisk).toEqual(expect.arrayContaining(SHIPPED_OVERLAYS));
    const baseKeys = new Set(kustomization.resources.flatMap(readManifests).map(keyOf));
    for (const name of SHIPPED_OVERLAYS) {
      const folder = path.join(here, 'overlays', name);
      const own = parse(readFileSync(path.join(folder, 'kustomization.yaml'), 'utf8')) as Kustomization & {
        patches?: { path?: string }[];
      };
      expect([name, own.resources]).toEqual([name, expect.arrayContaining(['../../base'])]);
      const used = [
        ...own.resources,
        ...(own.patches ?? []).flatMap((patch) => (patch.path ? [patch.path] : [])),
      ];
      const files = readdirSync(folder).filter(
        (file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml',
      );
      expect([name, files.filter((file) => !used.includes(file))]).toEqual([name, []]);
      // What an overlay adds are objects of its own, not copies of the base's (a change to the base is a patch).
      const added = own.resources
        .filter((resource) => resource !== '../../base')
        .flatMap((file) => parseManifests(readFileSync(path.join(folder, file), 'utf8'), file));
      expect([name, added.map(keyOf).filter((key) => baseKeys.has(key))]).toEqual([name, []]);
    }
  });

  test.each(onDisk)(
    '%s renders, every object in the namespace oneseal and named once, every Secret and ConfigMap its pods name rendered with it',
    (name) => {
      const objects = overlay(name);
      const keys = objects.map(keyOf);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
      expect(
        objects
          .filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== 'oneseal')
          .map(keyOf),
      ).toEqual([]);
      // The generated Secret's hashed name, and no other, is the one every pod names: the same files give the
      // same name as county's.
      expect(generatedName(objects, 'Secret', secretGenerator?.name ?? '')).toBe(secretName);
      expect(secretReferences(objects)).toHaveLength(secretReferences(manifests).length);
      expect(
        secretReferences(objects).filter((reference) => !reference.endsWith(` Secret ${secretName}`)),
      ).toEqual([]);
      const configMaps = new Set(
        objects.filter((object) => object.kind === 'ConfigMap').map((object) => object.metadata.name),
      );
      expect(
        podReferences(objects).filter(
          (reference) =>
            reference.includes(' ConfigMap ') && !configMaps.has(reference.split(' ').pop() ?? ''),
        ),
      ).toEqual([]);
      // Every service and the engines are there.
      for (const workloadName of [...serviceNames, MIGRATE, 'postgres', 'kafka', 'temporal'])
        expect(() => workloadIn(objects, workloadName)).not.toThrow();
    },
  );
});

describe('overlays/single-node', () => {
  const objects = () => overlay(SINGLE_NODE);

  test("differs from county in replicas, requests, volume sizes and the key claims' access mode only", () => {
    const found = differences(manifests, objects());
    expect(found.length).toBeGreaterThan(0);
    expect(
      outside(found, [
        new RegExp(`^Deployment/(${SERVICES}) spec\\.replicas$`),
        /^(Deployment|StatefulSet)\/[\w-]+ spec\.template\.spec\.containers\[[\w-]+\]\.resources\.requests\.(cpu|memory)$/,
        /^StatefulSet\/(postgres|kafka) spec\.volumeClaimTemplates\[0\]\.spec\.resources\.requests\.storage$/,
        /^PersistentVolumeClaim\/[\w-]+ spec\.accessModes\[0\]$/,
      ]),
    ).toEqual([]);
  });

  test('runs one replica of every service, with the same env, secrets and mounts as county', () => {
    for (const name of serviceNames) {
      expect([name, workloadIn(objects(), name).spec.replicas]).toEqual([name, 1]);
    }
    for (const county of workloads) {
      const single = workloadIn(objects(), county.metadata.name);
      const [pod, countyPod] = [single.spec.template.spec, county.spec.template.spec];
      for (const container of allContainers(countyPod)) {
        const same = allContainers(pod).find((candidate) => candidate.name === container.name) as Container;
        expect([container.name, envOf(same), secretsOf(pod, same), same.volumeMounts, imageOf(same)]).toEqual(
          [
            container.name,
            envOf(container),
            secretsOf(countyPod, container),
            container.volumeMounts,
            imageOf(container),
          ],
        );
      }
      expect(pod.volumes).toEqual(countyPod.volumes);
    }
  });

  test('asks for less than county everywhere, and in all for no more than 2 CPUs and 5 GiB (a 4-CPU, 8 GiB node)', () => {
    for (const county of workloads) {
      const single = workloadIn(objects(), county.metadata.name);
      const [mine, theirs] = [podRequests(single.spec.template.spec), podRequests(county.spec.template.spec)];
      expect([county.metadata.name, mine.cpu <= theirs.cpu, mine.memory <= theirs.memory]).toEqual([
        county.metadata.name,
        true,
        true,
      ]);
      // The limits stay county's: a busy pod may use what the node has free.
      expect(single.spec.template.spec.containers.map((container) => container.resources?.limits)).toEqual(
        county.spec.template.spec.containers.map((container) => container.resources?.limits),
      );
    }
    const total = totalRequests(objects());
    expect(total.cpu).toBeLessThanOrEqual(2);
    expect(total.memory).toBeLessThanOrEqual(5 * GiB);
    expect(total.cpu).toBeLessThan(totalRequests(manifests).cpu / 2);
    // Kafka's heap (512 MiB) still fits in what a node is asked for.
    const kafkaRequest = bytes(
      workloadIn(objects(), 'kafka').spec.template.spec.containers[0].resources?.requests?.memory,
    );
    expect(kafkaRequest).toBeGreaterThan(512 * 2 ** 20);
  });

  test('the key claims are ReadWriteOnce (all their pods are on the one node), the data volumes smaller', () => {
    for (const claim of ofKind('PersistentVolumeClaim')) {
      expect(inOverlay(objects(), 'PersistentVolumeClaim', claim.metadata.name).spec.accessModes).toEqual([
        'ReadWriteOnce',
      ]);
    }
    for (const set of ['postgres', 'kafka'])
      expect(storageOf(workloadIn(objects(), set))).toBeLessThan(storageOf(workload(set)));
  });
});

describe('overlays/province', () => {
  const objects = () => overlay(PROVINCE);
  const autoscalers = () =>
    objects().filter(
      (object): object is HorizontalPodAutoscaler => object.kind === 'HorizontalPodAutoscaler',
    );
  const budgets = () =>
    objects().filter((object): object is PodDisruptionBudget => object.kind === 'PodDisruptionBudget');
  const podsPicked = (selector: Record<string, string> | undefined) =>
    workloadsOf(objects())
      .filter((candidate) => matches(selector, candidate.spec.template.metadata.labels))
      .map((candidate) => candidate.metadata.name);

  test("adds an autoscaler and a disruption budget per service; otherwise differs in counts, sizes, spread and Kafka's heap only", () => {
    const found = differences(manifests, objects());
    expect(found.filter((difference) => difference.startsWith('+ ')).sort()).toEqual(
      serviceNames
        .flatMap((name) => [`+ HorizontalPodAutoscaler/${name}`, `+ PodDisruptionBudget/${name}`])
        .sort(),
    );
    expect(
      outside(found, [
        /^\+ (HorizontalPodAutoscaler|PodDisruptionBudget)\//,
        new RegExp(`^Deployment/(${SERVICES}) spec\\.replicas$`),
        new RegExp(`^Deployment/(${SERVICES}) spec\\.template\\.spec\\.topologySpreadConstraints$`),
        /^(Deployment|StatefulSet)\/[\w-]+ spec\.template\.spec\.containers\[[\w-]+\]\.resources\.(requests|limits)(\.(cpu|memory))?$/,
        /^StatefulSet\/(postgres|kafka) spec\.volumeClaimTemplates\[0\]\.spec\.resources\.requests\.storage$/,
        /^StatefulSet\/kafka spec\.template\.spec\.affinity\.podAntiAffinity\./,
        /^StatefulSet\/kafka spec\.template\.spec\.containers\[kafka\]\.env\[KAFKA_HEAP_OPTS\]\.value$/,
      ]),
    ).toEqual([]);
  });

  test("names, namespace, images and the Secrets and ConfigMaps its pods name are county's", () => {
    const countyObjects = new Set(manifests.map((object) => `${keyOf(object)} ${object.metadata.namespace}`));
    const mine = new Set(objects().map((object) => `${keyOf(object)} ${object.metadata.namespace}`));
    expect([...countyObjects].filter((object) => !mine.has(object))).toEqual([]);
    const images = (found: Manifest[]) =>
      workloadsOf(found).flatMap((candidate) =>
        allContainers(candidate.spec.template.spec).map(
          (container) => `${candidate.metadata.name}/${container.name} ${container.image}`,
        ),
      );
    expect(images(objects()).sort()).toEqual(images(manifests).sort());
    expect(podReferences(objects()).sort()).toEqual(podReferences(manifests).sort());
  });

  test('scales every service Deployment by one autoscaler on CPU, from at least two replicas, the Deployment stating no count', () => {
    for (const name of serviceNames) {
      const own = autoscalers().filter(
        (autoscaler) =>
          autoscaler.spec.scaleTargetRef.kind === 'Deployment' &&
          autoscaler.spec.scaleTargetRef.name === name,
      );
      expect([name, own.length]).toEqual([name, 1]);
      const [{ apiVersion, spec }] = own;
      expect(apiVersion).toBe('autoscaling/v2');
      expect(spec.scaleTargetRef.apiVersion).toBe('apps/v1');
      expect([name, (spec.minReplicas ?? 1) >= 2, spec.maxReplicas > (spec.minReplicas ?? 1)]).toEqual([
        name,
        true,
        true,
      ]);
      expect(spec.metrics).toEqual([
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } },
        },
      ]);
      const deployment = workloadIn(objects(), name);
      expect(deployment.kind).toBe('Deployment');
      // A count in the Deployment would be put back by every apply, under the autoscaler.
      expect([name, deployment.spec.replicas]).toEqual([name, undefined]);
      // Utilization is of the CPU requested: every container of the pod must request some.
      for (const container of deployment.spec.template.spec.containers)
        expect([name, cores(container.resources?.requests?.cpu) > 0]).toEqual([name, true]);
    }
    // No autoscaler for anything else (Temporal, the exporter and the engines keep their counts).
    expect(
      autoscalers()
        .map((autoscaler) => autoscaler.spec.scaleTargetRef.name)
        .sort(),
    ).toEqual([...serviceNames].sort());
  });

  test('up to their maximum, the services with data have no more replicas than their topics have partitions (each consumes)', () => {
    // The services create their topics with as many partitions as the brokers' num.partitions says.
    expect(DEFAULT_TOPIC_LAYOUT.partitions).toBe(-1);
    const partitions = Number(envOf(kafkaContainer).KAFKA_NUM_PARTITIONS);
    for (const name of dataServiceNames) {
      const autoscaler = autoscalers().find((candidate) => candidate.spec.scaleTargetRef.name === name);
      expect([name, autoscaler?.spec.minReplicas]).toEqual([name, expect.any(Number)]);
      expect([name, autoscaler?.spec.maxReplicas]).toEqual([name, expect.any(Number)]);
      expect([name, (autoscaler?.spec.maxReplicas ?? Infinity) <= partitions]).toEqual([name, true]);
    }
  });

  test("spreads each service's replicas over the nodes by kubernetes.io/hostname, counting that service's pods only", () => {
    for (const name of serviceNames) {
      const constraints = workloadIn(objects(), name).spec.template.spec.topologySpreadConstraints ?? [];
      const byHost = constraints.filter((constraint) => constraint.topologyKey === 'kubernetes.io/hostname');
      expect([name, byHost.length]).toEqual([name, 1]);
      expect(byHost[0]).toMatchObject({ maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' });
      expect(podsPicked(byHost[0].labelSelector?.matchLabels)).toEqual([name]);
      // Any other (zones) only where the scheduler can: a cluster without zone labels still schedules.
      for (const constraint of constraints.filter((candidate) => candidate !== byHost[0]))
        expect([
          name,
          constraint.whenUnsatisfiable,
          podsPicked(constraint.labelSelector?.matchLabels),
        ]).toEqual([name, 'ScheduleAnyway', [name]]);
    }
  });

  test('a node drain takes one replica of a service at a time, and leaves the others running', () => {
    for (const name of serviceNames) {
      const own = budgets().filter((budget) => podsPicked(budget.spec.selector?.matchLabels).includes(name));
      expect([name, own.length]).toEqual([name, 1]);
      expect(podsPicked(own[0].spec.selector?.matchLabels)).toEqual([name]);
      expect(own[0].spec.maxUnavailable).toBe(1);
      const autoscaler = autoscalers().find((candidate) => candidate.spec.scaleTargetRef.name === name);
      expect(autoscaler?.spec.minReplicas).toBeGreaterThan(1);
    }
  });

  test('requires the three Kafka nodes to be on three machines (county only prefers it)', () => {
    const affinity = workloadIn(objects(), 'kafka').spec.template.spec.affinity?.podAntiAffinity;
    expect(affinity?.preferredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
    expect(affinity?.requiredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
    const [term] = affinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    expect(term.topologyKey).toBe('kubernetes.io/hostname');
    expect(podsPicked(term.labelSelector?.matchLabels)).toEqual(['kafka']);
    expect(workloadIn(objects(), 'kafka').spec.replicas).toBe(3);
  });

  test('asks for more than county, with larger limits and volumes, and a Kafka heap that fits its limit', () => {
    for (const county of workloadsOf(manifests).filter((candidate) => candidate.kind !== 'Job')) {
      const mine = workloadIn(objects(), county.metadata.name);
      const [more, less] = [podRequests(mine.spec.template.spec), podRequests(county.spec.template.spec)];
      expect([county.metadata.name, more.cpu >= less.cpu, more.memory >= less.memory]).toEqual([
        county.metadata.name,
        true,
        true,
      ]);
      for (const container of mine.spec.template.spec.containers) {
        const limit = bytes(container.resources?.limits?.memory);
        expect([container.name, limit >= bytes(container.resources?.requests?.memory)]).toEqual([
          container.name,
          true,
        ]);
      }
    }
    for (const name of [...serviceNames, 'postgres', 'kafka', 'temporal']) {
      const [more, less] = [workloadIn(objects(), name), workload(name)].map((candidate) =>
        podRequests(candidate.spec.template.spec),
      );
      expect([name, more.cpu > less.cpu, more.memory > less.memory]).toEqual([name, true, true]);
    }
    for (const set of ['postgres', 'kafka'])
      expect(storageOf(workloadIn(objects(), set))).toBeGreaterThan(storageOf(workload(set)));
    const kafkaContainerHere = workloadIn(objects(), 'kafka').spec.template.spec.containers[0];
    const heap = /-Xmx(\d+)([mg])/.exec(envOf(kafkaContainerHere).KAFKA_HEAP_OPTS ?? '');
    const heapBytes = Number(heap?.[1]) * (heap?.[2] === 'g' ? GiB : 2 ** 20);
    expect(heapBytes).toBeGreaterThan(512 * 2 ** 20);
    expect(heapBytes).toBeLessThan(bytes(kafkaContainerHere.resources?.limits?.memory) / 2);
  });
});

describe('an overlay of your own, as deploy/k8s/README.md writes it', () => {
  const readme = readText('deploy/k8s/README.md');
  const section = readme.slice(readme.indexOf('## An overlay of your own'));
  const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const own = parse(example) as Kustomization & { replicas?: { name: string; count: number }[] };
  const objects = () => overlay('own');
  beforeAll(() => {
    const folder = path.join(treeK8s, 'overlays', 'my-county');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'kustomization.yaml'), example);
    renders.set('own', render(folder));
  });

  test('builds on county and sets the image, the address and replicas', () => {
    expect(own.resources).toEqual(['../county']);
    expect(own.images?.[0]).toMatchObject({
      name: 'oneseal',
      newName: expect.any(String),
      newTag: expect.any(String),
    });
    expect(own.replicas?.length).toBeGreaterThan(0);
  });

  test('runs the image it names in every container that ran the OneSeal image, and changes no other image', () => {
    const [{ newName, newTag }] = own.images ?? [{ newName: '', newTag: '' }];
    const oneseal = composeService(MIGRATE).image ?? '';
    for (const county of workloads) {
      const mine = workloadIn(objects(), county.metadata.name);
      expect(allContainers(mine.spec.template.spec).map((container) => container.image)).toEqual(
        allContainers(county.spec.template.spec).map((container) =>
          container.image === oneseal ? `${newName}:${newTag}` : container.image,
        ),
      );
    }
  });

  test('serves the address it sets, the one sealed documents print, and changes nothing else but its replicas', () => {
    const publicUrl = new URL(
      envOf(workloadIn(objects(), 'seal').spec.template.spec.containers[0]).PUBLIC_BASE_URL,
    );
    expect(publicUrl.protocol).toBe('https:');
    expect(publicUrl.hostname).not.toBe(new URL(PUBLIC_BASE_URL).hostname);
    const ingress = inOverlay(objects(), 'Ingress', 'console');
    expect(ingress.spec.rules.map((rule) => rule.host)).toEqual([publicUrl.hostname]);
    expect(ingress.spec.tls?.flatMap((tls) => tls.hosts)).toEqual([publicUrl.hostname]);
    for (const { name, count } of own.replicas ?? [])
      expect(workloadIn(objects(), name).spec.replicas).toBe(count);
    expect(
      outside(differences(manifests, objects()), [
        /^(Deployment|Job)\/[\w-]+ spec\.template\.spec\.(init)?[cC]ontainers\[[\w-]+\]\.image$/,
        /^CronJob\/[\w-]+ spec\.jobTemplate\.spec\.template\.spec\.containers\[[\w-]+\]\.image$/,
        /^Ingress\/console spec\.(rules\[0\]\.host|tls\[0\]\.hosts\[0\])$/,
        /^Deployment\/seal spec\.template\.spec\.containers\[seal\]\.env\[PUBLIC_BASE_URL\]\.value$/,
        new RegExp(
          `^Deployment/(${(own.replicas ?? []).map((entry) => entry.name).join('|')}) spec\\.replicas$`,
        ),
      ]),
    ).toEqual([]);
  });
});
