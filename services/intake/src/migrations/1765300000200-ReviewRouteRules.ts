import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A county's review of each route rule its cases follow: confirmed, or an objection with the reason. The rule's
 * digest is kept with the review, so a rule that changed since is shown as not reviewed in its new form.
 */
export class ReviewRouteRules1765300000200 implements MigrationInterface {
  name = 'ReviewRouteRules1765300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.route_rule_reviews (
        county_code    char(6) NOT NULL REFERENCES intake.counties (code),
        rule_key       text NOT NULL,
        decision       text NOT NULL CHECK (decision IN ('confirmed', 'objection')),
        note           text,
        rule_digest    char(64) NOT NULL,
        reviewer_id    text NOT NULL,
        reviewer_name  text NOT NULL,
        reviewed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (county_code, rule_key),
        CHECK (decision = 'confirmed' OR length(note) > 0)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.route_rule_reviews`);
  }
}
