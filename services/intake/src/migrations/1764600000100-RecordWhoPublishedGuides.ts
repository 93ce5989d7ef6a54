import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A guide version published by the county's administrator names who published it and why. Versions the seed data
 * wrote have none, and only those may the seed data replace.
 */
export class RecordWhoPublishedGuides1764600000100 implements MigrationInterface {
  name = 'RecordWhoPublishedGuides1764600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE intake.matter_versions
        ADD COLUMN published_by text,
        ADD COLUMN published_by_name text,
        ADD COLUMN reason text,
        ADD CONSTRAINT matter_versions_published_with_reason CHECK (published_by IS NULL OR reason IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE intake.matter_versions
        DROP CONSTRAINT matter_versions_published_with_reason,
        DROP COLUMN reason, DROP COLUMN published_by_name, DROP COLUMN published_by`);
  }
}
