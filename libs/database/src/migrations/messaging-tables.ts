import type { QueryRunner } from 'typeorm';
import { createIndexConcurrently } from './create-index-concurrently';

/**
 * The outbox (events this service has committed to publish) and the inbox of processed events (so a
 * redelivered message changes nothing). Every service that produces or consumes events creates both in its
 * own schema, from its first migration.
 */
export async function createMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}".outbox (
      seq          bigserial PRIMARY KEY,
      event_id     uuid NOT NULL UNIQUE,
      topic        text NOT NULL,
      message_key  text NOT NULL,
      envelope     jsonb NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
  await queryRunner.query(
    `CREATE INDEX outbox_unpublished_idx ON "${schema}".outbox (seq) WHERE published_at IS NULL`,
  );
  // Wakes the relay at once instead of waiting for its next poll.
  await queryRunner.query(`
    CREATE FUNCTION "${schema}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${schema}_outbox', '');
      RETURN NULL;
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER outbox_notify AFTER INSERT ON "${schema}".outbox
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".notify_outbox()`);
  await queryRunner.query(`
    CREATE TABLE "${schema}".processed_events (
      consumer     text NOT NULL,
      event_id     uuid NOT NULL,
      topic        text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
}

export async function dropMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}".processed_events`);
  await queryRunner.query(`DROP TABLE "${schema}".outbox`);
  await queryRunner.query(`DROP FUNCTION "${schema}".notify_outbox()`);
}

/**
 * What pruneMessaging reads: outbox rows by when they were published, processed-event records by age, so a prune
 * with nothing to do reads nothing. Built CONCURRENTLY: the migration that calls it runs outside a transaction.
 */
export async function indexMessagingByAge(queryRunner: QueryRunner, schema: string): Promise<void> {
  await createIndexConcurrently(
    queryRunner,
    schema,
    'outbox_published_by_age',
    `ON "${schema}".outbox (published_at) WHERE published_at IS NOT NULL`,
  );
  await createIndexConcurrently(
    queryRunner,
    schema,
    'processed_events_by_age',
    `ON "${schema}".processed_events (processed_at)`,
  );
}

export async function dropMessagingByAgeIndexes(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "${schema}".processed_events_by_age`);
  await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "${schema}".outbox_published_by_age`);
}
