import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bureaus are the county's data: who added one and when, what its 文号 begins with, and whether the county has edited
 * it (the seed then never overwrites it). Seeded bureaus get their prefix from county-units.tsv on the next seed.
 */
export class CountiesKeepTheirBureaus1765300000300 implements MigrationInterface {
  name = 'CountiesKeepTheirBureaus1765300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE intake.county_units
        ADD COLUMN number_prefix text,
        ADD COLUMN added_by_name text,
        ADD COLUMN added_at timestamptz,
        ADD COLUMN edited_by_name text,
        ADD COLUMN edited_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE intake.county_units
        DROP COLUMN number_prefix, DROP COLUMN added_by_name, DROP COLUMN added_at, DROP COLUMN edited_by_name,
        DROP COLUMN edited_at`);
  }
}
