import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndexConcurrently } from '@oneseal/database';

/**
 * The index of a town's cases by the day they were filed carries each case's stage, conclusion and id as well, so
 * the window's list of a month (已送达, 提交日期 from the 1st to today) is counted and its ended cases ordered from the
 * index alone. Before, each of the month's cases was read from the table twice, once to count it and once to sort it:
 * 8.5 ms and 27 ms for 5,200 delivered cases of one town (p95 63 ms while cases were being handled); 1.4 and 2.9 ms.
 */
export class CountEachTownsCasesByDayFiledFromTheIndex1766300000000 implements MigrationInterface {
  name = 'CountEachTownsCasesByDayFiledFromTheIndex1766300000000';
  // Built and dropped CONCURRENTLY (no transaction may hold them): writes to routing.routed_cases go on meanwhile.
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndexConcurrently(
      queryRunner,
      'routing',
      'routed_cases_by_town_day_filed_with_stage',
      `ON routing.routed_cases (county, town, routed_at) INCLUDE (stage, concluded_at, case_id)`,
    );
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS routing.routed_cases_by_town_day_filed`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await createIndexConcurrently(
      queryRunner,
      'routing',
      'routed_cases_by_town_day_filed',
      `ON routing.routed_cases (county, town, routed_at)`,
    );
    await queryRunner.query(
      `DROP INDEX CONCURRENTLY IF EXISTS routing.routed_cases_by_town_day_filed_with_stage`,
    );
  }
}
