import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matter's type (GB/T 39046 code) on each case: what its outcome is called (给付, 确认, 办结 …) on every screen
 * and message. Null for cases routed before the submission carried it; those read in plain words.
 */
export class KeepTheMatterType1764900000600 implements MigrationInterface {
  name = 'KeepTheMatterType1764900000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing.routed_cases ADD COLUMN matter_type_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing.routed_cases DROP COLUMN matter_type_code`);
  }
}
