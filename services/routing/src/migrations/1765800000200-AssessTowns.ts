import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 考核: the county's scheme of indicators and weights, kept by version (a ranking names the one it used), and each
 * case's channel, which the online-handling rate counts by (cases routed before it was kept have none).
 */
export class AssessTowns1765800000200 implements MigrationInterface {
  name = 'AssessTowns1765800000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing.routed_cases ADD COLUMN channel text`);
    await queryRunner.query(`
      CREATE TABLE routing.assessment_schemes (
        county        char(6) NOT NULL,
        version       int NOT NULL,
        indicators    jsonb NOT NULL,
        reason        text NOT NULL,
        set_by        text NOT NULL,
        set_by_name   text NOT NULL,
        set_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (county, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.assessment_schemes`);
    await queryRunner.query(`ALTER TABLE routing.routed_cases DROP COLUMN channel`);
  }
}
