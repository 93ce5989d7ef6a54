import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { IDENTITY_SCHEMA } from './config/identity.env';
import { IDENTITY_MIGRATIONS } from './migrations';

runMigrationCommand('identity', IDENTITY_SCHEMA, IDENTITY_MIGRATIONS);
