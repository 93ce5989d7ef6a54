import 'reflect-metadata';
import { runMigrationCommand } from '@oneseal/service-kit';
import { NOTIFICATION_SCHEMA } from './config/notification.env';
import { NOTIFICATION_MIGRATIONS } from './migrations';
import { NOTIFICATION_DATABASE_ACCESS } from './migrations/database-access';

runMigrationCommand(
  'notification',
  NOTIFICATION_SCHEMA,
  NOTIFICATION_MIGRATIONS,
  NOTIFICATION_DATABASE_ACCESS,
);
