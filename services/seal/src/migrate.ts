import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { SEAL_SCHEMA } from './config/seal.env';
import { SEAL_MIGRATIONS } from './migrations';
import { SEAL_DATABASE_ACCESS } from './migrations/database-access';

runMigrationCommand('seal', SEAL_SCHEMA, SEAL_MIGRATIONS, SEAL_DATABASE_ACCESS);
