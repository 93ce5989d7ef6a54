export * from './env/validate-env';
export * from './env/service-env';
export * from './logging/logger.module';
export * from './bootstrap/bootstrap-service';
export * from './database/database.module';
export * from './database/outbox-relay.module';
export * from './database/migrate-command';
export * from './http/validation-errors';
