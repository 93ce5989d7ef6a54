import { serviceDataSourceOptions, type ServiceDataSourceConfig } from '@oneseal/database';
import { DataSource } from 'typeorm';
import { createSuiteDatabase, type SuiteDatabase } from './test-databases';

export interface SuiteDataSource {
  dataSource: DataSource;
  database: SuiteDatabase;
  close(): Promise<void>;
}

/** A service's data source, exactly as the service configures it, on a fresh database for one suite. */
export async function openSuiteDataSource(
  label: string,
  config: Pick<ServiceDataSourceConfig, 'schema' | 'entities'>,
): Promise<SuiteDataSource> {
  const database = await createSuiteDatabase(label);
  const dataSource = new DataSource({
    ...serviceDataSourceOptions({ ...config, url: database.url, migrations: [] }),
    // Tests provoke conflicts on purpose (concurrent retries); they assert outcomes, not log lines.
    logging: false,
  });
  await dataSource.initialize();
  return {
    dataSource,
    database,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
