import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A county's own changes to the working-day calendar (本县放假, 本县调休上班), one row per date: only that county's
 * deadlines count them. Who set each and when is kept; a removed day is deleted (the case events keep the history).
 * Who loaded a national year is kept the same way, the name apart from the account id (screens show the name).
 */
export class CountyWorkingDays1765300000100 implements MigrationInterface {
  name = 'CountyWorkingDays1765300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.county_days (
        county   char(6) NOT NULL,
        date     date NOT NULL,
        working  boolean NOT NULL,
        reason   text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
        set_by     text NOT NULL,
        set_by_id  text NOT NULL,
        set_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (county, date)
      )`);
    await queryRunner.query(`ALTER TABLE routing.calendar_years ADD COLUMN loaded_by_id text`);
    await queryRunner.query(`
      UPDATE routing.calendar_years
         SET loaded_by_id = substring(loaded_by from '（([0-9a-f-]{36})）$'),
             loaded_by = regexp_replace(loaded_by, '（[0-9a-f-]{36}）$', '')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE routing.calendar_years SET loaded_by = loaded_by || '（' || loaded_by_id || '）'
       WHERE loaded_by_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE routing.calendar_years DROP COLUMN loaded_by_id`);
    await queryRunner.query(`DROP TABLE routing.county_days`);
  }
}
