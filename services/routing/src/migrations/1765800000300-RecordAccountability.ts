import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 约谈 and 问责: what the county decided about slow or poor service, and about whom. */
export class RecordAccountability1765800000300 implements MigrationInterface {
  name = 'RecordAccountability1765800000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.accountability_records (
        id               uuid PRIMARY KEY,
        county           char(6) NOT NULL,
        town             char(9) NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('约谈', '问责')),
        subject          text NOT NULL,
        reason           text NOT NULL,
        decision         text NOT NULL,
        case_numbers     text[] NOT NULL DEFAULT '{}',
        recorded_by      text NOT NULL,
        recorded_by_name text NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX accountability_by_place ON routing.accountability_records (county, town, recorded_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.accountability_records`);
  }
}
