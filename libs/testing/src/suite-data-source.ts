import { serviceDataSourceOptions, serviceRoleName, type ServiceDataSourceConfig } from '@oneseal/database';
import { DataSource } from 'typeorm';
import { createSuiteDatabase, type SuiteDatabase } from './test-databases';

export interface SuiteDataSource {
  /** As the service's own role, with its rights only. */
  dataSource: DataSource;
  /**
   * As the schema's owner (the role migrations run as): for tests that play someone with more rights than the
   * service, e.g. one who switches a guard off to rewrite history. Opened on first use.
   */
  owner(): Promise<DataSource>;
  database: SuiteDatabase;
  close(): Promise<void>;
}

/** The service's own login role (see applyServiceAccess): suites meet the same refusals the service would. */
function asServiceRole(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.username = serviceRoleName(parsed.username, schema);
  return parsed.toString();
}

/** A service's data source, exactly as the service configures it, on a fresh database for one suite. */
export async function openSuiteDataSource(
  label: string,
  config: Pick<ServiceDataSourceConfig, 'schema' | 'entities'>,
): Promise<SuiteDataSource> {
  const database = await createSuiteDatabase(label);
  const dataSource = new DataSource({
    ...serviceDataSourceOptions({
      ...config,
      url: asServiceRole(database.url, config.schema),
      migrations: [],
    }),
    // Tests provoke conflicts on purpose (concurrent retries); they assert outcomes, not log lines.
    logging: false,
  });
  await dataSource.initialize();
  let owner: Promise<DataSource> | undefined;
  return {
    dataSource,
    database,
    owner: () =>
      (owner ??= new DataSource({
        ...serviceDataSourceOptions({ ...config, url: database.url, migrations: [] }),
        logging: false,
        extra: { max: 2 },
      }).initialize()),
    close: async () => {
      await dataSource.destroy();
      if (owner) await (await owner).destroy();
      await database.drop();
    },
  };
}
