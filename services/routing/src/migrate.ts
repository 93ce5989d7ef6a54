import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { ROUTING_SCHEMA } from './config/routing.env';
import { ROUTING_MIGRATIONS } from './migrations';
import { ROUTING_DATABASE_ACCESS } from './migrations/database-access';

runMigrationCommand('routing', ROUTING_SCHEMA, ROUTING_MIGRATIONS, ROUTING_DATABASE_ACCESS);
