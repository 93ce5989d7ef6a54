import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A reminder of a visit that was then cancelled is never sent: it stays on record as cancelled. */
export class CancelReminders1765700000200 implements MigrationInterface {
  name = 'CancelReminders1765700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification.notifications
        DROP CONSTRAINT notifications_status_check,
        ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'))`);
    // A visit cancelled before its booking was read here (the two come on different topics): its reminder is
    // never recorded.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS notification.cancelled_appointments (
        appointment_id uuid PRIMARY KEY,
        cancelled_at   timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.cancelled_appointments`);
    await queryRunner.query(
      `UPDATE notification.notifications SET status = 'failed' WHERE status = 'cancelled'`,
    );
    await queryRunner.query(`
      ALTER TABLE notification.notifications
        DROP CONSTRAINT notifications_status_check,
        ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed'))`);
  }
}
