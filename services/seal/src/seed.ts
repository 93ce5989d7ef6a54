import 'reflect-metadata';
import { serviceDataSourceOptions } from '@oneseal/database';
import { exitOnBootFailure, validateEnv } from '@oneseal/service-kit';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { SEAL_SCHEMA } from './config/seal.env';
import { KeyEncryption } from './crypto/key-encryption';
import { DivisionNames } from './divisions/division-names';
import { SEAL_ENTITIES } from './entities';
import { seedTownSeals } from './seals/seal-seeder';
import { SealRegistry } from './seals/seal-registry';

class SeedEnv {
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[^\s]+$/, {
    message: 'DATABASE_URL must look like postgres://user@host:port/database',
  })
  DATABASE_URL!: string;

  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'SEAL_KEY_ENCRYPTION_KEY must be 64 hex characters' })
  SEAL_KEY_ENCRYPTION_KEY!: string;

  @IsOptional()
  ONESEAL_SEEDS_DIR?: string;
}

/**
 * `node services/seal/dist/seed.js` after the migrations: every town of seeds/divisions gets its one active
 * approval seal and its old seals 封存, so cases can be stamped everywhere. Idempotent.
 */
async function main(): Promise<void> {
  const env = validateEnv('seal seed', SeedEnv, process.env);
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      url: env.DATABASE_URL,
      schema: SEAL_SCHEMA,
      entities: SEAL_ENTITIES,
      migrations: [],
    }),
  );
  await dataSource.initialize();
  try {
    const divisions = DivisionNames.fromSeeds(env.ONESEAL_SEEDS_DIR);
    const registry = new SealRegistry(dataSource, new KeyEncryption(env.SEAL_KEY_ENCRYPTION_KEY), divisions);
    const summary = await seedTownSeals(dataSource, registry, divisions);
    process.stdout.write(
      `seal: ${summary.towns} towns: ${summary.activated} approval seals activated, ` +
        `${summary.legacyInventoried} legacy seals inventoried as 封存; ${summary.organsRegistered} issuing organs ` +
        `registered, ${summary.bureauSealsActivated} bureau seals activated\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch(exitOnBootFailure('seal seed'));
