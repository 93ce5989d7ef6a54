// What the scripts that drive the system on this machine (stack.mjs, the bench, the chaos run) share: where it lives,
// its services, which profile runs, and the engines' connection settings as engines.sh prints them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const state = process.env.ONESEAL_STATE ?? join(root, '.oneseal');
export const { services } = JSON.parse(readFileSync(join(root, 'deploy/services.json'), 'utf8'));

/** The cluster profile (`npm start -- --cluster`, recorded in the state folder; ONESEAL_CLUSTER=1 forces it). */
const profileFile = join(state, 'profile');
export const cluster =
  (process.env.ONESEAL_CLUSTER ??
    (existsSync(profileFile) && readFileSync(profileFile, 'utf8').trim() === 'cluster' ? '1' : '0')) === '1';

/**
 * Seal's document folder (SEAL_DOCUMENT_FOLDER) for the profile that runs: each profile is an installation of its own
 * (its database is oneseal or oneseal_cluster), so each keeps its PDFs apart. Until 2026-12-08 both used `documents`.
 */
export const documentFolder = resolve(state, cluster ? 'documents-cluster' : 'documents');

/** DATABASE_URL (the owner role), KAFKA_BROKERS, TEMPORAL_ADDRESS … of the running profile, from `engines.sh paths`. */
export function engineEnv() {
  const out = execFileSync('bash', [join(root, 'deploy/local/engines.sh'), 'paths'], { encoding: 'utf8' });
  const env = {};
  for (const line of out.split('\n')) {
    const match = /^(?:export\s+)?([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  for (const key of ['DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS']) {
    if (!env[key]) throw new Error(`engines.sh paths did not print ${key}`);
  }
  return env;
}

/**
 * Secrets generated on first start and kept in the state folder (never in git), each handed only to the services
 * that use it. They are created once and reused: a new seal key-encryption key would make the stored seal keys
 * unusable, a new lookup key every stored lookup digest.
 */
export const SECRETS = {
  /** Encrypts the seals' private keys at rest. */
  SEAL_KEY_ENCRYPTION_KEY: { file: 'seal-key-encryption.key', holders: ['seal'] },
  /** Keys the applicant's progress-lookup digests. */
  APPLICANT_LOOKUP_KEY: { file: 'applicant-lookup.key', holders: ['intake', 'routing'] },
  /** Encrypts applicants' ID numbers and phones at rest. */
  PERSONAL_DATA_KEY: { file: 'personal-data.key', holders: ['intake'] },
  /** Keys the audit log's chain links. */
  AUDIT_CHAIN_KEY: { file: 'audit-chain.key', holders: ['audit'] },
};

/** A secret of the running system as its holders get it (hex), for operations that write as a service would. */
export function localSecret(variable) {
  const path = join(state, 'keys', SECRETS[variable].file);
  if (!existsSync(path))
    throw new Error(`${path} is missing: start OneSeal once (npm start) so its keys exist`);
  return readFileSync(path, 'utf8').trim();
}
