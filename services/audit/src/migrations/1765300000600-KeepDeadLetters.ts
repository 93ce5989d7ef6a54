import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every message a consumer parked on the dead-letter topic, as the operators see it: why, where it came from, the
 * message itself, and whether (and by whom) it was sent back to its topic.
 */
export class KeepDeadLetters1765300000600 implements MigrationInterface {
  name = 'KeepDeadLetters1765300000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit.dead_letters (
        id                  uuid PRIMARY KEY,
        dlq_partition       int NOT NULL,
        dlq_offset          bigint NOT NULL,
        consumer            text NOT NULL,
        original_topic      text NOT NULL,
        original_partition  int NOT NULL,
        original_offset     text NOT NULL,
        message_key         text,
        value               jsonb,
        reason              text NOT NULL,
        issues              jsonb NOT NULL,
        failed_at           timestamptz NOT NULL,
        replayed_at         timestamptz,
        replayed_by         text,
        replayed_by_name    text,
        CONSTRAINT dead_letters_position_uq UNIQUE (dlq_partition, dlq_offset)
      )`);
    await queryRunner.query(`CREATE INDEX dead_letters_by_time ON audit.dead_letters (failed_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit.dead_letters`);
  }
}
