import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 直接赋权: a county unit hands one town the review and decision of a matter it owns. Grants and revocations are
 * kept, never deleted; at most one grant per matter and town is in force.
 */
export class KeepTownDelegations1764600000200 implements MigrationInterface {
  name = 'KeepTownDelegations1764600000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.town_delegations (
        id               uuid PRIMARY KEY,
        matter_code      text NOT NULL REFERENCES intake.matters (code),
        town_code        char(9) NOT NULL REFERENCES intake.towns (code),
        unit_code        text NOT NULL REFERENCES intake.county_units (code),
        reason           text NOT NULL,
        granted_by       text NOT NULL,
        granted_by_name  text NOT NULL,
        granted_at       timestamptz NOT NULL DEFAULT now(),
        revoked_by       text,
        revoked_by_name  text,
        revoke_reason    text,
        revoked_at       timestamptz,
        CONSTRAINT town_delegations_revoked_whole
          CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoke_reason IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX town_delegations_one_in_force ON intake.town_delegations (matter_code, town_code)
        WHERE revoked_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.town_delegations`);
  }
}
