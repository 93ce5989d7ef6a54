import { DataSource, type DataSourceOptions } from 'typeorm';
import { applyServiceAccess, type ServiceAccess } from '../access/service-access';

export interface MigrationRun {
  applied: string[];
  /** The login role the service runs as, when access rules were applied. */
  serviceRole?: string;
}

/**
 * Applies a service's pending migrations, then (when given) the rights of the role the service runs as. The
 * schema is created first because TypeORM keeps its migrations table inside the service's schema and cannot
 * create that table in a schema that does not exist yet.
 */
export async function runMigrations(
  options: DataSourceOptions & { schema: string },
  access?: { rules: ServiceAccess; password?: string },
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
    return { applied, serviceRole };
  } finally {
    await dataSource.destroy();
  }
}
