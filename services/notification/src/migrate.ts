import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { NOTIFICATION_SCHEMA } from './config/notification.env';
import { NOTIFICATION_MIGRATIONS } from './migrations';

runMigrationCommand('notification', NOTIFICATION_SCHEMA, NOTIFICATION_MIGRATIONS);
