import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTakingUpLeftChecksOf, takeUpLeftChecksOf } from './left-checks';

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
        -- Streams are checked in byte order: the run goes on after this one.
        ADD COLUMN last_stream    text COLLATE "C",
        ADD COLUMN broken_streams int NOT NULL DEFAULT 0,
        -- The first broken streams found so far, as the verdict lists them.
        ADD COLUMN broken_found   jsonb NOT NULL DEFAULT '[]'`);
    await takeUpLeftChecksOf(queryRunner, 'verification_runs');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTakingUpLeftChecksOf(queryRunner, 'verification_runs');
    await queryRunner.query(`
      ALTER TABLE audit.verification_runs
        DROP COLUMN broken_found, DROP COLUMN broken_streams, DROP COLUMN last_stream`);
  }
}
