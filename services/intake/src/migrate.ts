import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { INTAKE_SCHEMA } from './config/intake.env';
import { INTAKE_MIGRATIONS } from './migrations';
import { INTAKE_DATABASE_ACCESS } from './migrations/database-access';

runMigrationCommand('intake', INTAKE_SCHEMA, INTAKE_MIGRATIONS, INTAKE_DATABASE_ACCESS);
