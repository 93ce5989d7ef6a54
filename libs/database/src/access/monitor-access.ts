import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { serviceRoleName } from './service-access';

/**
 * PostgreSQL's predefined role for monitoring (pg_read_all_settings, pg_read_all_stats, pg_stat_scan_tables): what
 * postgres_exporter reads, every session's activity included, without any right on the data.
 */
export const MONITOR_GRANT = 'pg_monitor';

/** `<owner>_monitor`, named as the services' roles are, so every profile's exporter logs in as oneseal_monitor. */
export function monitorRoleName(owner: string): string {
  return serviceRoleName(owner, 'monitor');
}

export interface MonitorAccess {
  /** Set (again) on every run when given; a trust-authenticated local cluster needs none. */
  password?: string;
}

/**
 * The monitoring role's settings as the migrate step is given them: DATABASE_MONITOR_PASSWORD, or the file
 * DATABASE_MONITOR_PASSWORD_FILE names (a Docker or Kubernetes secret). Neither set: no password.
 */
export function monitorAccessFromEnv(env: Record<string, string | undefined>): MonitorAccess {
  const file = env.DATABASE_MONITOR_PASSWORD_FILE;
  const password =
    env.DATABASE_MONITOR_PASSWORD ?? (file === undefined ? undefined : readFileSync(file, 'utf8').trim());
  if (password === undefined) return {};
  if (password.length < 16) throw new Error('DATABASE_MONITOR_PASSWORD must be at least 16 characters');
  return { password };
}

/**
 * Creates the exporter's login role when it is missing and leaves it a member of pg_monitor only, able to connect
 * to this database: memberships granted by hand since are revoked, so what the exporter may read stays what this
 * says. Runs as the owner role: PostgreSQL 15 lets a CREATEROLE role grant any role but a superuser one; from 16
 * on the owner also needs pg_monitor WITH ADMIN OPTION, granted once by a superuser.
 */
export async function applyMonitorAccess(
  dataSource: DataSource,
  access: MonitorAccess = {},
): Promise<string> {
  const [{ owner, database }] = (await dataSource.query(
    'SELECT current_user AS owner, current_database() AS database',
  )) as { owner: string; database: string }[];
  const role = monitorRoleName(owner);
  const exists = async () =>
    ((await dataSource.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])) as unknown[]).length > 0;
  if (!(await exists())) {
    try {
      // INHERIT: pg_monitor's rights reach a member only through inheritance.
      await dataSource.query(
        `CREATE ROLE "${role}" LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`,
      );
    } catch (error) {
      // Another migrate run (a second profile, a test template) may have made it meanwhile.
      if (!(await exists())) throw error;
    }
  }
  await dataSource.transaction(async (manager) => {
    // Superuser, replication and bypassrls cannot be set by the owner, and are refused here when someone did.
    await manager.query(`ALTER ROLE "${role}" LOGIN INHERIT NOCREATEDB NOCREATEROLE`);
    if (access.password) {
      const [{ sql }] = (await manager.query(
        `SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text) AS sql`,
        [role, access.password],
      )) as { sql: string }[];
      await manager.query(sql);
    }
    const others = (await manager.query(
      `SELECT granted.rolname FROM pg_auth_members m
         JOIN pg_roles granted ON granted.oid = m.roleid
         JOIN pg_roles member ON member.oid = m.member
        WHERE member.rolname = $1 AND granted.rolname <> $2
        ORDER BY granted.rolname`,
      [role, MONITOR_GRANT],
    )) as { rolname: string }[];
    for (const { rolname } of others) await manager.query(`REVOKE "${rolname}" FROM "${role}"`);
    await manager.query(`GRANT ${MONITOR_GRANT} TO "${role}"`);
    await manager.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
  });
  return role;
}
