import { createMessagingTables, dropMessagingTables } from '@oneseal/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1763800000300 implements MigrationInterface {
  name = 'CreateNotifications1763800000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification.notifications (
        id              uuid PRIMARY KEY,
        case_id         uuid NOT NULL,
        recipient_kind  text NOT NULL CHECK (recipient_kind IN ('applicant', 'staff-unit')),
        recipient       text NOT NULL,
        template        text NOT NULL,
        body            text NOT NULL,
        source_event_id uuid NOT NULL,
        created_at      timestamptz NOT NULL,
        CONSTRAINT notifications_once_per_event_and_recipient UNIQUE (source_event_id, recipient_kind, recipient)
      )`);
    await queryRunner.query(`CREATE INDEX notifications_case_idx ON notification.notifications (case_id)`);
    await createMessagingTables(queryRunner, 'notification');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'notification');
    await queryRunner.query(`DROP TABLE notification.notifications`);
  }
}
