import { DataSource, type DataSourceOptions } from 'typeorm';
import { applyMonitorAccess, monitorAccessFromEnv, type MonitorAccess } from '../access/monitor-access';
import { applyServiceAccess, type ServiceAccess } from '../access/service-access';

export interface MigrationRun {
  applied: string[];
  /** The login role the service runs as, when access rules were applied. */
  serviceRole?: string;
  /** The login role PostgreSQL's exporter reads the server's statistics as, unless it could not be made. */
  monitorRole?: string;
}

/**
 * Applies a service's pending migrations, then (when given) the rights of the role the service runs as, then the
 * monitoring role's. The schema is created first because TypeORM keeps its migrations table inside the service's
 * schema and cannot create that table in a schema that does not exist yet.
 *
 * `monitor` left out means what the environment says (DATABASE_MONITOR_PASSWORD[_FILE]): every service's migrate
 * command keeps the role up to date without a setting of its own. `false` leaves the role alone.
 */
export async function runMigrations(
  options: DataSourceOptions & { schema: string },
  access?: { rules: ServiceAccess; password?: string },
  monitor?: MonitorAccess | false,
): Promise<MigrationRun> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const applied = (await dataSource.runMigrations({ transaction: 'each' })).map(
      (migration) => migration.name,
    );
    const serviceRole = access
      ? await applyServiceAccess(dataSource, options.schema, access.rules, access.password)
      : undefined;
    const monitorRole =
      monitor === false ? undefined : await applyMonitorAccessBestEffort(dataSource, monitor);
    return { applied, serviceRole, monitorRole };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Metrics are never a reason for the system not to run: a monitoring role that cannot be made (a PostgreSQL that
 * refuses the owner pg_monitor, an unreadable password file) is reported and the migrate step goes on; the exporter
 * then reports pg_up 0, which the PostgreSQL-down alert catches.
 */
async function applyMonitorAccessBestEffort(
  dataSource: DataSource,
  monitor: MonitorAccess | undefined,
): Promise<string | undefined> {
  try {
    return await applyMonitorAccess(dataSource, monitor ?? monitorAccessFromEnv(process.env));
  } catch (error) {
    process.stderr.write(
      `warning: the monitoring role was not made or updated (${(error as Error).message}); ` +
        `PostgreSQL's exporter cannot log in until it is. Migrations are not affected.\n`,
    );
    return undefined;
  }
}
