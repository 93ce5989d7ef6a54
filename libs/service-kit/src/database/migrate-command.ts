import { runMigrations, serviceDataSourceOptions, type ServiceDataSourceConfig } from '@oneseal/database';
import { Matches } from 'class-validator';
import { validateEnv } from '../env/validate-env';
import { exitOnBootFailure } from '../bootstrap/bootstrap-service';

class MigrationEnv {
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[^\s]+$/, {
    message: 'DATABASE_URL must look like postgres://user@host:port/database',
  })
  DATABASE_URL!: string;
}

/** The body of a service's `database:migrate` command: needs only DATABASE_URL. */
export function runMigrationCommand(
  service: string,
  schema: string,
  migrations: ServiceDataSourceConfig['migrations'],
): void {
  const env = validateEnv(`${service} migrations`, MigrationEnv, process.env);
  runMigrations({
    ...serviceDataSourceOptions({ url: env.DATABASE_URL, schema, entities: [], migrations }),
    schema,
  })
    .then((applied) => {
      process.stdout.write(
        `${service}: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`,
      );
    })
    .catch(exitOnBootFailure(`${service} migrations`));
}
