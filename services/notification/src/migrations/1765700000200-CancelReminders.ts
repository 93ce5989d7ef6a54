import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A reminder of a visit that was then cancelled is never sent: it stays on record as cancelled. */
export class CancelReminders1765700000200 implements MigrationInterface {
  name = 'CancelReminders1765700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification.notifications
        DROP CONSTRAINT notifications_status_check,
        ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE notification.notifications SET status = 'failed' WHERE status = 'cancelled'`,
    );
    await queryRunner.query(`
      ALTER TABLE notification.notifications
        DROP CONSTRAINT notifications_status_check,
        ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed'))`);
  }
}
