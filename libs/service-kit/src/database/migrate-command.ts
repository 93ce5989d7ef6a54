import {
  runMigrations,
  serviceDataSourceOptions,
  type ServiceAccess,
  type ServiceDataSourceConfig,
} from '@oneseal/database';
import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { validateEnv } from '../env/validate-env';
import { exitOnBootFailure } from '../bootstrap/bootstrap-service';

/** What a one-off database command (migrations, seeds) needs: the owner role's URL (or DATABASE_URL_FILE). */
export class DatabaseCommandEnv {
  /** The owner role: it creates and changes the schema's tables (services themselves run as a narrower role). */
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[^\s]+$/, {
    message: 'DATABASE_URL must look like postgres://user@host:port/database',
  })
  DATABASE_URL!: string;
}

class MigrationEnv extends DatabaseCommandEnv {
  /** The password the service's own role logs in with (production); a trust-authenticated local cluster needs none. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'DATABASE_SERVICE_PASSWORD must be at least 16 characters' })
  DATABASE_SERVICE_PASSWORD?: string;
}

/**
 * The body of a service's `database:migrate` command: applies the migrations as the owner role, then gives the
 * service's own role (`<owner>_<schema>`) exactly the rights `access` names.
 */
export function runMigrationCommand(
  service: string,
  schema: string,
  migrations: ServiceDataSourceConfig['migrations'],
  access: ServiceAccess,
): void {
  const env = validateEnv(`${service} migrations`, MigrationEnv, process.env);
  runMigrations(
    { ...serviceDataSourceOptions({ url: env.DATABASE_URL, schema, entities: [], migrations }), schema },
    { rules: access, password: env.DATABASE_SERVICE_PASSWORD },
  )
    .then(({ applied, serviceRole }) => {
      process.stdout.write(
        `${service}: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}; ` +
          `runs as ${serviceRole}\n`,
      );
    })
    .catch(exitOnBootFailure(`${service} migrations`));
}
