import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { APPROVAL_SCHEMA } from './config/approval.env';
import { APPROVAL_MIGRATIONS } from './migrations';
import { APPROVAL_DATABASE_ACCESS } from './migrations/database-access';

runMigrationCommand('approval', APPROVAL_SCHEMA, APPROVAL_MIGRATIONS, APPROVAL_DATABASE_ACCESS);
