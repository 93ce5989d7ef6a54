import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { ROUTING_SCHEMA } from './config/routing.env';
import { ROUTING_MIGRATIONS } from './migrations';

runMigrationCommand('routing', ROUTING_SCHEMA, ROUTING_MIGRATIONS);
