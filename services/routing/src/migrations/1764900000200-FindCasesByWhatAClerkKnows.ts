import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What staff find a case by and see in lists: the applicant's name, the tails and keyed digests of their ID number
 * and phone (never the numbers themselves), the village station it came through, the step it waits at and until
 * when, and every unit it has reached (a county bureau searches the cases that reached it).
 */
export class FindCasesByWhatAClerkKnows1764900000200 implements MigrationInterface {
  name = 'FindCasesByWhatAClerkKnows1764900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.routed_cases
        ADD COLUMN applicant_name text,
        ADD COLUMN applicant_id_tail text,
        ADD COLUMN applicant_id_digest char(64),
        ADD COLUMN applicant_phone_tail text,
        ADD COLUMN applicant_phone_digest char(64),
        ADD COLUMN village_code char(12),
        ADD COLUMN current_task_id uuid,
        ADD COLUMN current_step text,
        ADD COLUMN current_unit text,
        ADD COLUMN current_step_opened_at timestamptz,
        ADD COLUMN current_step_due_date date,
        ADD COLUMN reached_units text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `CREATE INDEX routed_cases_by_id_digest ON routing.routed_cases (applicant_id_digest) WHERE applicant_id_digest IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX routed_cases_by_phone_digest ON routing.routed_cases (applicant_phone_digest)
        WHERE applicant_phone_digest IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX routed_cases_by_reached_unit ON routing.routed_cases USING gin (reached_units)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX routing.routed_cases_by_reached_unit`);
    await queryRunner.query(`DROP INDEX routing.routed_cases_by_phone_digest`);
    await queryRunner.query(`DROP INDEX routing.routed_cases_by_id_digest`);
    await queryRunner.query(`
      ALTER TABLE routing.routed_cases
        DROP COLUMN reached_units, DROP COLUMN current_step_due_date, DROP COLUMN current_step_opened_at,
        DROP COLUMN current_unit, DROP COLUMN current_step, DROP COLUMN current_task_id, DROP COLUMN village_code,
        DROP COLUMN applicant_phone_digest, DROP COLUMN applicant_phone_tail, DROP COLUMN applicant_id_digest,
        DROP COLUMN applicant_id_tail, DROP COLUMN applicant_name`);
  }
}
