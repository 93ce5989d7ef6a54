import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { INTAKE_SCHEMA } from './config/intake.env';
import { INTAKE_MIGRATIONS } from './migrations';

runMigrationCommand('intake', INTAKE_SCHEMA, INTAKE_MIGRATIONS);
