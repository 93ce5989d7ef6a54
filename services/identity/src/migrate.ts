import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { IDENTITY_SCHEMA } from './config/identity.env';
import { IDENTITY_MIGRATIONS } from './migrations';
import { IDENTITY_DATABASE_ACCESS } from './migrations/database-access';

runMigrationCommand('identity', IDENTITY_SCHEMA, IDENTITY_MIGRATIONS, IDENTITY_DATABASE_ACCESS);
