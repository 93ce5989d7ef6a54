import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 单位消息 read and unread: each person's own mark on a message of their unit's inbox. */
export class RememberWhatWasRead1765800000300 implements MigrationInterface {
  name = 'RememberWhatWasRead1765800000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification.inbox_reads (
        notification_id  uuid NOT NULL REFERENCES notification.notifications (id),
        reader_id        text NOT NULL,
        read_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reader_id, notification_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.inbox_reads`);
  }
}
