import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicant's side of the read model: a case found by its receipt number and proven by the SHA-256 of its
 * 查询码 (the code itself stays with intake and the applicant), and one 好差评 rating per case.
 */
export class ApplicantProgressAndRatings1764600000100 implements MigrationInterface {
  name = 'ApplicantProgressAndRatings1764600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.routed_cases
        ADD COLUMN matter_name text,
        ADD COLUMN progress_query_sha256 text`);
    await queryRunner.query(
      `CREATE INDEX routed_cases_by_receipt ON routing.routed_cases (receipt_number)
        WHERE receipt_number IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE routing.service_ratings (
        case_id   uuid PRIMARY KEY REFERENCES routing.routed_cases (case_id),
        county    char(6) NOT NULL,
        town      char(9) NOT NULL,
        score     smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment   text CHECK (comment IS NULL OR length(comment) <= 200),
        rated_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (score > 2 OR comment IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX service_ratings_by_town ON routing.service_ratings (county, town, rated_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.service_ratings`);
    await queryRunner.query(`DROP INDEX routing.routed_cases_by_receipt`);
    await queryRunner.query(
      `ALTER TABLE routing.routed_cases DROP COLUMN progress_query_sha256, DROP COLUMN matter_name`,
    );
  }
}
