import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervision read model: where each case stands, its committed date and its worst warning, as the case
 * workflow announces them. And the calendar years an administrator loaded after the package's data ran out.
 */
export class TrackCaseProgress1763801000100 implements MigrationInterface {
  name = 'TrackCaseProgress1763801000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.routed_cases
        ADD COLUMN receipt_number text,
        ADD COLUMN stage text NOT NULL DEFAULT 'routed',
        ADD COLUMN accepted_at timestamptz,
        ADD COLUMN committed_due_date date,
        ADD COLUMN due_date_provisional boolean NOT NULL DEFAULT false,
        ADD COLUMN warning text,
        ADD COLUMN result text,
        ADD COLUMN on_time boolean,
        ADD COLUMN concluded_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(
      `CREATE INDEX routed_cases_open_by_town ON routing.routed_cases (county, town, committed_due_date)
        WHERE concluded_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE routing.calendar_years (
        year              int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        holidays          jsonb NOT NULL,
        make_up_workdays  jsonb NOT NULL,
        source            text NOT NULL,
        loaded_by         text NOT NULL,
        loaded_at         timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.calendar_years`);
    await queryRunner.query(`DROP INDEX routing.routed_cases_open_by_town`);
    await queryRunner.query(`
      ALTER TABLE routing.routed_cases
        DROP COLUMN receipt_number, DROP COLUMN stage, DROP COLUMN accepted_at, DROP COLUMN committed_due_date,
        DROP COLUMN due_date_provisional, DROP COLUMN warning, DROP COLUMN result, DROP COLUMN on_time,
        DROP COLUMN concluded_at, DROP COLUMN updated_at`);
  }
}
