import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { AUDIT_SCHEMA } from './config/audit.env';
import { AUDIT_MIGRATIONS } from './migrations';

runMigrationCommand('audit', AUDIT_SCHEMA, AUDIT_MIGRATIONS);
