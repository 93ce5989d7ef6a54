import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a withdrawn matter was offered again (a later import listed it): the province is told it is in force again,
 * though its guide version did not change.
 */
export class RememberReinstatements1765800000200 implements MigrationInterface {
  name = 'RememberReinstatements1765800000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.matters ADD COLUMN reinstated_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.matters DROP COLUMN reinstated_at`);
  }
}
