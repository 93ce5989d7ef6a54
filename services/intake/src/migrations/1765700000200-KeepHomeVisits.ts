import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 上门服务 and 上门代办: someone who cannot come in asks their village station to come to them; the station's agent
 * sets a day and, once there, records what was done (and the case filed, if one was).
 */
export class KeepHomeVisits1765700000200 implements MigrationInterface {
  name = 'KeepHomeVisits1765700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.home_visits (
        id              uuid PRIMARY KEY,
        county          char(6) NOT NULL,
        town            char(9) NOT NULL REFERENCES intake.towns(code),
        village_code    char(12) NOT NULL REFERENCES intake.villages(code),
        kind            text NOT NULL CHECK (kind IN ('service', 'agency')),
        matter_code     text NOT NULL,
        matter_name     text NOT NULL,
        applicant_name  text NOT NULL,
        phone           text NOT NULL,
        phone_digest    char(64) NOT NULL,
        address         text NOT NULL,
        reason          text NOT NULL,
        preferred_date  date,
        status          text NOT NULL DEFAULT 'requested'
                          CHECK (status IN ('requested', 'scheduled', 'done', 'cancelled')),
        visit_on        date,
        agent_id        text,
        agent_name      text,
        outcome         text,
        case_receipt    text,
        requested_at    timestamptz NOT NULL DEFAULT now(),
        scheduled_at    timestamptz,
        finished_at     timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX home_visits_by_village ON intake.home_visits (village_code, status, requested_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX home_visits_by_phone ON intake.home_visits (phone_digest, requested_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.home_visits`);
  }
}
