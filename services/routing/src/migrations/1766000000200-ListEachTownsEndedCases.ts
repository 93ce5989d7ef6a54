import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndexConcurrently } from '@oneseal/database';

/**
 * A town's ended cases, the latest first: the window's list reads its page from here, and a search for a common
 * character (王: more matches than are sorted) checks the town's latest ended cases one by one until the page is
 * full — through the county's index it read fifteen times as many, every other town's as well (124 ms at a million).
 */
export class ListEachTownsEndedCases1766000000200 implements MigrationInterface {
  name = 'ListEachTownsEndedCases1766000000200';
  // Built CONCURRENTLY (no transaction may hold it): writes to routing.routed_cases go on during the build.
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndexConcurrently(
      queryRunner,
      'routing',
      'routed_cases_ended_newest_in_town',
      `ON routing.routed_cases (county, town, concluded_at DESC) WHERE concluded_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS routing.routed_cases_ended_newest_in_town`);
  }
}
