import 'reflect-metadata';
import { resolve } from 'node:path';
import { ROLE_TITLES } from '@oneseal/auth';
import { serviceDataSourceOptions } from '@oneseal/database';
import { exitOnBootFailure } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { IDENTITY_SCHEMA } from './config/identity.env';
import { DEMO_PASSWORD, planDemoUsers, type DemoUser } from './demo-users/demo-user-plan';
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

/** `npm start` runs this after the migrations: a demo account for every role in one town of each county. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const { divisions, units } = readDemoSeeds(
    process.env.ONESEAL_SEEDS_DIR ?? resolve(__dirname, '../../../seeds'),
  );
  const users = planDemoUsers(divisions, units);
  const dataSource = new DataSource(
    serviceDataSourceOptions({ url, schema: IDENTITY_SCHEMA, entities: [], migrations: [] }),
  );
  await dataSource.initialize();
  try {
    const summary = await seedDemoUsers(dataSource, users, DEMO_PASSWORD);
    process.stdout.write(
      `identity: ${users.length} demo accounts: ${summary.created.length} created, ${summary.updated.length} updated, ` +
        `${summary.unchanged.length} unchanged. Demo password for new accounts: ${DEMO_PASSWORD} ` +
        `(one published password: disable these accounts anywhere but a demo)\n${table(users)}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch(exitOnBootFailure('identity seed'));
