import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version of the working-day calendar (loaded years and county days), changed in the same transaction as any change
 * to either: a routing instance keeps the calendar it built and asks only for the version before each use. The
 * version comes from a sequence, so a change rolled back leaves a number nobody will use again.
 */
export class VersionTheCalendar1766000000100 implements MigrationInterface {
  name = 'VersionTheCalendar1766000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE routing.calendar_changes`);
    await queryRunner.query(`
      CREATE TABLE routing.calendar_version (
        one     boolean PRIMARY KEY DEFAULT true CHECK (one),
        version bigint NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO routing.calendar_version (version) VALUES (nextval('routing.calendar_changes'))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION routing.note_calendar_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE routing.calendar_version SET version = nextval('routing.calendar_changes');
        RETURN NULL;
      END $$`);
    for (const table of ['calendar_years', 'county_days']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_change_the_calendar
          AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing.${table}
          FOR EACH STATEMENT EXECUTE FUNCTION routing.note_calendar_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['calendar_years', 'county_days']) {
      await queryRunner.query(`DROP TRIGGER ${table}_change_the_calendar ON routing.${table}`);
    }
    await queryRunner.query(`DROP FUNCTION routing.note_calendar_change()`);
    await queryRunner.query(`DROP TABLE routing.calendar_version`);
    await queryRunner.query(`DROP SEQUENCE routing.calendar_changes`);
  }
}
