import type { DataSource } from 'typeorm';

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * What a running service may do in its own schema. Migrations run as the owner role; the service itself logs in
 * as `<owner>_<schema>` with these rights only, so a flaw in one service cannot read another's data, change its
 * own tables' shape or drop the triggers that guard them.
 */
export interface ServiceAccess {
  /** Rights on every table of the schema not named in `tables`. */
  everyTable: readonly TablePrivilege[];
  /** Tables that get narrower rights than the rest (e.g. an append-only log: SELECT and INSERT only). */
  tables?: Readonly<Record<string, readonly TablePrivilege[]>>;
}

export const READ_WRITE: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** Postgres limits identifiers to 63 bytes; ours are short lower-case words, so anything else is a mistake. */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function serviceRoleName(owner: string, schema: string): string {
  const role = `${owner}_${schema}`;
  if (!IDENTIFIER.test(role))
    throw new Error(`cannot derive a database role name from '${owner}' and '${schema}'`);
  return role;
}

export class ServiceRoleMissingError extends Error {
  constructor(readonly role: string) {
    super(
      `database role ${role} does not exist and the migrating role may not create roles: ` +
        `create it (CREATE ROLE ${role} LOGIN) or grant CREATEROLE to the owner role`,
    );
    this.name = 'ServiceRoleMissingError';
  }
}

/**
 * Creates the service's login role when it is missing, sets its password when one is given, and (re)applies its
 * rights: everything granted before is revoked first, so a right taken out of `access` is really gone. Runs after
 * the migrations, as the owner of the schema's objects.
 */
export async function applyServiceAccess(
  dataSource: DataSource,
  schema: string,
  access: ServiceAccess,
  password?: string,
): Promise<string> {
  const [{ owner, database }] = (await dataSource.query(
    'SELECT current_user AS owner, current_database() AS database',
  )) as { owner: string; database: string }[];
  const role = serviceRoleName(owner, schema);
  const exists = ((await dataSource.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])) as unknown[])
    .length;
  if (!exists) {
    const [{ may }] = (await dataSource.query(
      'SELECT rolcreaterole OR rolsuper AS may FROM pg_roles WHERE rolname = current_user',
    )) as { may: boolean }[];
    if (!may) throw new ServiceRoleMissingError(role);
    await dataSource.query(`CREATE ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`);
  }
  if (password) {
    const [{ sql }] = (await dataSource.query(
      `SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text) AS sql`,
      [role, password],
    )) as { sql: string }[];
    await dataSource.query(sql);
  }

  const tables = (
    (await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [
      schema,
    ])) as {
      tablename: string;
    }[]
  ).map((row) => row.tablename);
  for (const named of Object.keys(access.tables ?? {})) {
    if (!tables.includes(named))
      throw new Error(`access rule names ${schema}.${named}, which does not exist`);
  }

  await dataSource.transaction(async (manager) => {
    await manager.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
    await manager.query(`REVOKE ALL ON SCHEMA "${schema}" FROM "${role}"`);
    await manager.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
    await manager.query(`REVOKE ALL ON ALL TABLES IN SCHEMA "${schema}" FROM "${role}"`);
    await manager.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA "${schema}" FROM "${role}"`);
    for (const table of tables) {
      const rights = access.tables?.[table] ?? access.everyTable;
      if (rights.length > 0)
        await manager.query(`GRANT ${rights.join(', ')} ON "${schema}"."${table}" TO "${role}"`);
    }
    // Identity columns and bigserial keys draw from sequences on insert.
    await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO "${role}"`);
  });
  return role;
}
