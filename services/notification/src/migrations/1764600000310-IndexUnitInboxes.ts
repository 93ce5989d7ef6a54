import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A unit's inbox reads its newest messages first. */
export class IndexUnitInboxes1764600000310 implements MigrationInterface {
  name = 'IndexUnitInboxes1764600000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX notifications_unit_inbox ON notification.notifications (recipient, created_at DESC)
        WHERE recipient_kind = 'staff-unit'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification.notifications_unit_inbox`);
  }
}
