import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check of the stored checkpoints writes, as it goes, the place it could go on from (the last checkpoint it checked
 * whole, the link the next must name, the heads and problems found so far): a check its process stopped in goes on
 * from there instead of from the first checkpoint. A row without one (left before its first checkpoint, or by an
 * earlier version) starts from the first, as before.
 */
export class KeepWhereCheckpointChecksGot1766600000100 implements MigrationInterface {
  name = 'KeepWhereCheckpointChecksGot1766600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit.checkpoint_checks ADD COLUMN place jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit.checkpoint_checks DROP COLUMN place`);
  }
}
