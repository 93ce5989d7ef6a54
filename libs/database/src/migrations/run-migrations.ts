import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Applies a service's pending migrations. The schema is created first because TypeORM keeps its migrations
 * table inside the service's schema and cannot create that table in a schema that does not exist yet.
 */
export async function runMigrations(options: DataSourceOptions & { schema: string }): Promise<string[]> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
