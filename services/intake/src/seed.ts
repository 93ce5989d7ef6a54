import 'reflect-metadata';
import { resolve } from 'node:path';
import { serviceDataSourceOptions } from '@oneseal/database';
import { DatabaseCommandEnv, exitOnBootFailure, validateEnv } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { seedCatalogue } from './catalogue/catalogue-seeder';
import { SeedSources } from './catalogue/seed-sources';
import { INTAKE_SCHEMA } from './config/intake.env';

/** `npm start` runs this after the migrations: loads seeds/ (divisions, units, the matter catalogue). */
async function main(): Promise<void> {
  const url = validateEnv('intake seed', DatabaseCommandEnv, process.env).DATABASE_URL;
  const directory = process.env.ONESEAL_SEEDS_DIR ?? resolve(__dirname, '../../../seeds');
  const dataSource = new DataSource(
    serviceDataSourceOptions({ url, schema: INTAKE_SCHEMA, entities: [], migrations: [] }),
  );
  await dataSource.initialize();
  try {
    const summary = await seedCatalogue(dataSource, new SeedSources(directory));
    process.stdout.write(
      `intake: seeded ${summary.counties} counties, ${summary.towns} towns, ${summary.villages} villages, ${summary.units} units, ` +
        `${summary.matters} matters: ${summary.changedRows} rows changed, ${summary.newGuideVersions} new guide versions\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch(exitOnBootFailure('intake seed'));
