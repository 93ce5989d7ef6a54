import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { APPROVAL_SCHEMA } from './config/approval.env';
import { APPROVAL_MIGRATIONS } from './migrations';

runMigrationCommand('approval', APPROVAL_SCHEMA, APPROVAL_MIGRATIONS);
