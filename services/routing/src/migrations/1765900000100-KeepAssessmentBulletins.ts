import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 考核通报: one per county and period, drafted from the ranking when the administrator asks to issue it, then issued
 * under the county administration's seal (the seal service numbers and publishes it; its document is kept here).
 */
export class KeepAssessmentBulletins1765900000100 implements MigrationInterface {
  name = 'KeepAssessmentBulletins1765900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.assessment_bulletins (
        id                uuid PRIMARY KEY,
        county            char(6) NOT NULL,
        period_kind       text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
        period_of         text NOT NULL,
        period_title      text NOT NULL,
        scheme_version    integer NOT NULL,
        text              jsonb NOT NULL,
        requested_by      text NOT NULL,
        requested_by_name text NOT NULL,
        requested_at      timestamptz NOT NULL DEFAULT now(),
        document_id       uuid,
        number            text,
        issued_at         timestamptz,
        CONSTRAINT assessment_bulletins_one_per_period UNIQUE (county, period_kind, period_of),
        CONSTRAINT assessment_bulletins_issued_whole CHECK (
          (document_id IS NULL) = (number IS NULL) AND (document_id IS NULL) = (issued_at IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.assessment_bulletins`);
  }
}
