import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exchange with the province's 一体化在线政务服务平台: what is to be pushed there (each matter's guide, each case's
 * stages) with its attempts, the applications taken in from its 一网通办 portal, and where the last pull stopped.
 */
export class ExchangeWithTheProvince1765800000000 implements MigrationInterface {
  name = 'ExchangeWithTheProvince1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.applications DROP CONSTRAINT applications_channel_check`);
    await queryRunner.query(`
      ALTER TABLE intake.applications ADD CONSTRAINT applications_channel_check
        CHECK (channel IN ('village-agent', 'town-window', 'online', 'kiosk', 'provincial-portal'))`);

    // One row per thing to tell the province, keyed so that telling it twice is impossible: a guide by matter and
    // version, a stage by the event it came from. Rows of one subject go out in the order things happened.
    await queryRunner.query(`
      CREATE TABLE intake.provincial_pushes (
        key              text PRIMARY KEY,
        kind             text NOT NULL CHECK (kind IN ('guide', 'stage')),
        subject          text NOT NULL,
        county           char(6) NOT NULL,
        town             char(9),
        happened_at      timestamptz NOT NULL,
        body             jsonb NOT NULL,
        status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'refused')),
        attempts         int NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        leased_until     timestamptz,
        last_error       text,
        province_reference text,
        queued_at        timestamptz NOT NULL DEFAULT now(),
        sent_at          timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX provincial_pushes_due ON intake.provincial_pushes (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX provincial_pushes_by_subject ON intake.provincial_pushes (subject, happened_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE intake.provincial_applications (
        application_id   text PRIMARY KEY,
        county           char(6) NOT NULL,
        town             text NOT NULL,
        matter_code      text NOT NULL,
        received_at      timestamptz NOT NULL DEFAULT now(),
        status           text NOT NULL CHECK (status IN ('filed', 'declined')),
        case_id          uuid,
        decline_code     text,
        decline_reason   text,
        answer_attempts  int NOT NULL DEFAULT 0,
        answer_due_at    timestamptz NOT NULL DEFAULT now(),
        answered_at      timestamptz,
        last_error       text
      )`);
    await queryRunner.query(
      `CREATE INDEX provincial_applications_unanswered ON intake.provincial_applications (answer_due_at)
        WHERE answered_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX provincial_applications_by_case ON intake.provincial_applications (case_id)`,
    );

    // Where the last pull of applications stopped, per county, and which replica is pulling now (a lease).
    await queryRunner.query(`
      CREATE TABLE intake.provincial_pull_cursors (
        county           char(6) PRIMARY KEY,
        cursor           text,
        leased_until     timestamptz,
        pulled_at        timestamptz,
        last_error       text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.provincial_pull_cursors`);
    await queryRunner.query(`DROP TABLE intake.provincial_applications`);
    await queryRunner.query(`DROP TABLE intake.provincial_pushes`);
    await queryRunner.query(`DELETE FROM intake.applications WHERE channel = 'provincial-portal'`);
    await queryRunner.query(`ALTER TABLE intake.applications DROP CONSTRAINT applications_channel_check`);
    await queryRunner.query(`
      ALTER TABLE intake.applications ADD CONSTRAINT applications_channel_check
        CHECK (channel IN ('village-agent', 'town-window', 'online', 'kiosk'))`);
  }
}
