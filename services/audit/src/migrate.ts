import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { AUDIT_SCHEMA } from './config/audit.env';
import { AUDIT_MIGRATIONS } from './migrations';
import { AUDIT_DATABASE_ACCESS } from './migrations/database-access';

runMigrationCommand('audit', AUDIT_SCHEMA, AUDIT_MIGRATIONS, AUDIT_DATABASE_ACCESS);
