import 'reflect-metadata';
import { resolve } from 'node:path';
import { ROLE_TITLES } from '@oneseal/auth';
import { serviceDataSourceOptions } from '@oneseal/database';
import { exitOnBootFailure } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { IDENTITY_SCHEMA } from './config/identity.env';
import { IsIn, Matches, MinLength, ValidateIf } from 'class-validator';
import { DatabaseCommandEnv, validateEnv } from '@oneseal/service-kit';
import {
  DEMO_PASSWORD,
  planDemoUsers,
  platformAdministrator,
  type DemoUser,
} from './demo-users/demo-user-plan';
import { readDemoSeeds } from './demo-users/demo-seed-sources';
import { seedDemoUsers } from './demo-users/demo-user-seeder';

function table(users: readonly DemoUser[]): string {
  const rows = users.map((user) => [
    user.loginName,
    user.roles.map((role) => ROLE_TITLES[role]).join('、'),
    user.displayName,
    user.village ?? user.town ?? user.unitCode ?? user.county,
  ]);
  const width = (column: number) => Math.max(...rows.map((row) => row[column].length));
  return rows
    .map((row) => `  ${row[0].padEnd(width(0))}  ${row[3].padEnd(width(3))}  ${row[2]}（${row[1]}）`)
    .join('\n');
}

class SeedEnv extends DatabaseCommandEnv {
  /** 1 (npm start): a demo account for every role, one published password. 0 (production): the administrator only. */
  @IsIn(['0', '1'])
  ONESEAL_DEMO_ACCOUNTS: '0' | '1' = '1';

  /** Without demo accounts: the platform administrator's first password (or ONESEAL_ADMIN_PASSWORD_FILE). */
  @ValidateIf((env: SeedEnv) => env.ONESEAL_DEMO_ACCOUNTS === '0')
  @MinLength(12, {
    message: 'ONESEAL_ADMIN_PASSWORD must be at least 12 characters when there are no demo accounts',
  })
  ONESEAL_ADMIN_PASSWORD?: string;

  /** The county the platform is run from (the administrator's account belongs to it and gives nothing there). */
  @Matches(/^\d{6}$/, { message: 'ONESEAL_ADMIN_COUNTY must be a 6-digit county code' })
  ONESEAL_ADMIN_COUNTY = '140525';
}

/**
 * `npm start` runs this after the migrations: a demo account for every role in one town of each county. With
 * ONESEAL_DEMO_ACCOUNTS=0 (the production compose file) only the platform administrator, with the password given.
 */
async function main(): Promise<void> {
  const env = validateEnv('identity seed', SeedEnv, process.env);
  const url = env.DATABASE_URL;
  if (env.ONESEAL_DEMO_ACCOUNTS === '0') {
    await withDataSource(url, async (dataSource) => {
      const administrator = platformAdministrator(env.ONESEAL_ADMIN_COUNTY);
      const summary = await seedDemoUsers(dataSource, [administrator], env.ONESEAL_ADMIN_PASSWORD ?? '');
      process.stdout.write(
        `identity: no demo accounts; platform administrator ${administrator.loginName} ` +
          `${summary.created.length ? 'created with the given password' : 'already present, kept'}\n`,
      );
    });
    return;
  }
  const { divisions, units } = readDemoSeeds(
    process.env.ONESEAL_SEEDS_DIR ?? resolve(__dirname, '../../../seeds'),
  );
  const users = planDemoUsers(divisions, units);
  await withDataSource(url, async (dataSource) => {
    const summary = await seedDemoUsers(dataSource, users, DEMO_PASSWORD);
    process.stdout.write(
      `identity: ${users.length} demo accounts: ${summary.created.length} created, ${summary.updated.length} updated, ` +
        `${summary.unchanged.length} unchanged. Demo password for new accounts: ${DEMO_PASSWORD} ` +
        `(one published password: disable these accounts anywhere but a demo)\n${table(users)}\n`,
    );
  });
}

async function withDataSource(url: string, work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const dataSource = new DataSource(
    serviceDataSourceOptions({ url, schema: IDENTITY_SCHEMA, entities: [], migrations: [] }),
  );
  await dataSource.initialize();
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

main().catch(exitOnBootFailure('identity seed'));
