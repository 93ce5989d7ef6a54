import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { engineEndpoints, withDatabase } from './engine-endpoints';

/**
 * Overridable so two test runs on one machine (two checkouts, or a person and CI) do not drop each other's
 * template mid-run.
 */
export const TEMPLATE_DATABASE = process.env.ONESEAL_TEST_TEMPLATE ?? 'oneseal_test_template';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(TEMPLATE_DATABASE)) {
  throw new Error(
    `ONESEAL_TEST_TEMPLATE must be a plain lower-case database name, got '${TEMPLATE_DATABASE}'`,
  );
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: engineEndpoints().databaseAdminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The services deploy/services.json lists with data of their own (the console has none, and no migrations). */
function servicesWithDatabase(workspaceRoot: string): string[] {
  const { services } = JSON.parse(readFileSync(join(workspaceRoot, 'deploy/services.json'), 'utf8')) as {
    services: Record<string, { database?: boolean }>;
  };
  return Object.entries(services)
    .filter(([, service]) => service.database !== false)
    .map(([name]) => name);
}

/**
 * Builds the template every integration suite clones: an empty database with every service's migrations
 * applied by the services' own migrate commands (the built ones, exactly as `npm start` runs them).
 */
export async function prepareTemplateDatabase(workspaceRoot: string): Promise<void> {
  const owner = new URL(engineEndpoints().databaseUrl).username;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} OWNER "${owner}"`);
  });
  const templateUrl = withDatabase(engineEndpoints().databaseUrl, TEMPLATE_DATABASE);
  const servicesDir = join(workspaceRoot, 'services');
  for (const service of servicesWithDatabase(workspaceRoot)) {
    const migrate = join(servicesDir, service, 'dist', 'migrate.js');
    if (!existsSync(migrate))
      throw new Error(`${migrate} is missing: build the services before the integration tests`);
    execFileSync(process.execPath, [migrate], {
      env: { ...process.env, DATABASE_URL: templateUrl },
      stdio: 'pipe',
    });
  }
}

export interface SuiteDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, fully migrated database for one test suite, cloned from the template in well under a second. */
export async function createSuiteDatabase(label: string): Promise<SuiteDatabase> {
  const name = `oneseal_t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    url: withDatabase(engineEndpoints().databaseUrl, name),
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
