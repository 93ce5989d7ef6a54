import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password an administrator set (a new account, a reset) is for one login only: the person sets their own before
 * they get in, so nobody works under a password someone else knows. Existing accounts are not asked.
 */
export class AskForOwnPasswordAfterReset1764900000500 implements MigrationInterface {
  name = 'AskForOwnPasswordAfterReset1764900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE identity.users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE identity.users DROP COLUMN must_change_password`);
  }
}
