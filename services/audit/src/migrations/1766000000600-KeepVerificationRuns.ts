import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check of a town's or the county's chains as a job of its own: it runs on in the audit service after the person
 * who started it has left the screen, and what it found stays listed (who asked, when, how far, the verdict).
 */
export class KeepVerificationRuns1766000000600 implements MigrationInterface {
  name = 'KeepVerificationRuns1766000000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit.verification_runs (
        id                 uuid PRIMARY KEY,
        county             text NOT NULL,
        town               text,
        requested_by       text NOT NULL,
        requested_by_name  text NOT NULL,
        started_at         timestamptz NOT NULL DEFAULT now(),
        -- Written with every batch checked: a run not heard of for a while was left by a process that stopped.
        heard_at           timestamptz NOT NULL DEFAULT now(),
        finished_at        timestamptz,
        status             text NOT NULL DEFAULT 'running'
                           CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
        streams            int NOT NULL DEFAULT 0,
        streams_checked    int NOT NULL DEFAULT 0,
        events             bigint NOT NULL DEFAULT 0,
        verdict            jsonb,
        failure            text
      )`);
    await queryRunner.query(
      `CREATE INDEX verification_runs_by_place ON audit.verification_runs (county, started_at DESC)`,
    );
    // One check of a place at a time: asking again while one runs joins it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX verification_runs_one_running ON audit.verification_runs (county, coalesce(town, ''))
        WHERE status = 'running'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit.verification_runs`);
  }
}
