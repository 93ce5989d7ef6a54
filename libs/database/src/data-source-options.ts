import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { ParameterFreeLogger } from './parameter-free-logger';

export interface ServiceDataSourceConfig {
  /** postgres://user[:password]@host:port/database */
  url: string;
  /** Each service owns one schema of the shared database and never reads another's. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

export function serviceDataSourceOptions(config: ServiceDataSourceConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    schema: config.schema,
    entities: config.entities,
    migrations: config.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'migration'],
    logger: new ParameterFreeLogger(),
    extra: { max: config.poolSize ?? 10, application_name: `oneseal-${config.schema}` },
  };
}
