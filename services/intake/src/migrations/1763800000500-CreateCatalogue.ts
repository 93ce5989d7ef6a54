import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data intake checks applications against: divisions (county → town → village), county units, and the
 * matter catalogue. A matter's guide is versioned: a changed guide is a new version, and a case keeps the
 * version it was accepted under.
 */
export class CreateCatalogue1763800000500 implements MigrationInterface {
  name = 'CreateCatalogue1763800000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.counties (
        code          char(6) PRIMARY KEY,
        name          text NOT NULL,
        matter_prefix text,
        source        text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE intake.towns (
        code        char(9) PRIMARY KEY,
        county_code char(6) NOT NULL REFERENCES intake.counties (code),
        name        text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE intake.villages (
        code      char(12) PRIMARY KEY,
        town_code char(9) NOT NULL REFERENCES intake.towns (code),
        name      text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE intake.county_units (
        code        text PRIMARY KEY,
        county_code char(6) NOT NULL REFERENCES intake.counties (code),
        name        text NOT NULL,
        full_name   text NOT NULL,
        CONSTRAINT county_units_name_uq UNIQUE (county_code, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE intake.matters (
        code             text PRIMARY KEY,
        county_code      char(6) NOT NULL REFERENCES intake.counties (code),
        level            text NOT NULL CHECK (level IN ('town', 'village')),
        source_row       int NOT NULL,
        name             text NOT NULL,
        type             text NOT NULL,
        type_code        char(2) NOT NULL,
        handling_mode    text NOT NULL,
        note             text NOT NULL,
        delegating_unit  text,
        unit_code        text NOT NULL REFERENCES intake.county_units (code),
        unit_basis       text NOT NULL,
        current_version  int NOT NULL,
        CONSTRAINT matters_row_uq UNIQUE (county_code, level, source_row)
      )`);
    await queryRunner.query(`
      CREATE TABLE intake.matter_versions (
        matter_code text NOT NULL REFERENCES intake.matters (code),
        version     int NOT NULL,
        guide       jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (matter_code, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['matter_versions', 'matters', 'county_units', 'villages', 'towns', 'counties']) {
      await queryRunner.query(`DROP TABLE intake.${table}`);
    }
  }
}
