import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndexConcurrently } from '@oneseal/database';

/**
 * 全部标为已读 as one mark per person and unit (and per kind, when the person marked one kind): what the unit was told
 * up to it is read for them — per unit, since a person who takes on another desk has read none of its messages.
 * Before, marking years of a unit's messages wrote a row per message and reader, and counting the unread read every
 * message the unit ever had; now only a message read one by one since the last mark keeps a row of its own. The
 * unit inbox's index carries what its counts ask, so they read only the index.
 */
export class ReadThroughMarks1766100000300 implements MigrationInterface {
  name = 'ReadThroughMarks1766100000300';
  // The index is built CONCURRENTLY (no transaction may hold it): messages go on being written during the build.
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS notification.inbox_read_through (
        reader_id     text NOT NULL,
        recipient     text NOT NULL,
        -- NULL: every kind of message.
        template      text,
        read_through  timestamptz NOT NULL,
        CONSTRAINT inbox_read_through_once UNIQUE NULLS NOT DISTINCT (reader_id, recipient, template)
      )`);
    await createIndexConcurrently(
      queryRunner,
      'notification',
      'notifications_unit_inbox_covering',
      `ON notification.notifications (recipient, created_at DESC) INCLUDE (county, template, id)
        WHERE recipient_kind = 'staff-unit'`,
    );
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS notification.notifications_unit_inbox`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await createIndexConcurrently(
      queryRunner,
      'notification',
      'notifications_unit_inbox',
      `ON notification.notifications (recipient, created_at DESC) WHERE recipient_kind = 'staff-unit'`,
    );
    await queryRunner.query(
      `DROP INDEX CONCURRENTLY IF EXISTS notification.notifications_unit_inbox_covering`,
    );
    await queryRunner.query(`DROP TABLE notification.inbox_read_through`);
  }
}
