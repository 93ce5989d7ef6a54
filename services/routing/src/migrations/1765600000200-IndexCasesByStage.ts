import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndexConcurrently } from '@oneseal/database';

/**
 * A town's cases at one stage (the window's 已送达, 办结 … lists), counted from the index alone and read latest ended
 * first. Without it each look at such a list read every case of the county: 350 ms at a million, which a window
 * that refreshes its list every few seconds turned into most of the database's work.
 */
export class IndexCasesByStage1765600000200 implements MigrationInterface {
  name = 'IndexCasesByStage1765600000200';
  // CONCURRENTLY, outside a transaction: the cases keep being written while it is built.
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndexConcurrently(
      queryRunner,
      'routing',
      'routed_cases_by_stage',
      `ON routing.routed_cases (county, town, stage, concluded_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS routing.routed_cases_by_stage`);
  }
}
