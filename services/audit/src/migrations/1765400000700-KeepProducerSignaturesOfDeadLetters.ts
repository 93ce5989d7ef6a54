import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A parked message keeps its producer's identity and signature, so replaying it sends the same proof back: the
 * consumer checks it as on first delivery (letters parked before keep none and are refused as unsigned).
 */
export class KeepProducerSignaturesOfDeadLetters1765400000700 implements MigrationInterface {
  name = 'KeepProducerSignaturesOfDeadLetters1765400000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE audit.dead_letters ADD COLUMN producer_headers jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit.dead_letters DROP COLUMN producer_headers`);
  }
}
