import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check of a place that its process stopped in (a restart, an update, a replica lost) is taken up by the next
 * audit process from where it got to, instead of being listed as interrupted: a county at a million cases takes
 * minutes. Each run records the last case (stream) it checked and what it had found by then, and the lease of the
 * process holding it.
 */
export class GoOnWithLeftVerificationRuns1766300000200 implements MigrationInterface {
  name = 'GoOnWithLeftVerificationRuns1766300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit.verification_runs
        ADD COLUMN runner         uuid,
        ADD COLUMN taken_up       int NOT NULL DEFAULT 0,
        -- Streams are checked in byte order: the run goes on after this one.
        ADD COLUMN last_stream    text COLLATE "C",
        ADD COLUMN broken_streams int NOT NULL DEFAULT 0,
        -- The first broken streams found so far, as the verdict lists them.
        ADD COLUMN broken_found   jsonb NOT NULL DEFAULT '[]'`);
    // Every audit process looks for left checks every 30 s.
    await queryRunner.query(
      `CREATE INDEX verification_runs_left ON audit.verification_runs (heard_at) WHERE status = 'running'`,
    );
    // Checks left before this kept no position and were listed as interrupted: recorded so, rather than taken up.
    await queryRunner.query(
      `UPDATE audit.verification_runs SET status = 'interrupted', finished_at = heard_at,
              failure = '核验未完成（审计服务中途停止），请重新核验'
        WHERE status = 'running' AND heard_at < now() - interval '1 minute'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit.verification_runs_left`);
    await queryRunner.query(`
      ALTER TABLE audit.verification_runs
        DROP COLUMN broken_found, DROP COLUMN broken_streams, DROP COLUMN last_stream, DROP COLUMN taken_up,
        DROP COLUMN runner`);
  }
}
