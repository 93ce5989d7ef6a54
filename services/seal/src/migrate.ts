import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { SEAL_SCHEMA } from './config/seal.env';
import { SEAL_MIGRATIONS } from './migrations';

runMigrationCommand('seal', SEAL_SCHEMA, SEAL_MIGRATIONS);
