import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A county's administrator imports its matter list: each upload is kept with its preview (problems by row, and the
 * differences from the catalogue as it stood), and publishing applies exactly that preview. A matter the list no
 * longer carries is withdrawn, never deleted: its cases keep pointing at it. Rows are renumbered by each list, so
 * the row number no longer identifies a matter (the code does).
 */
export class ImportCatalogues1765200000000 implements MigrationInterface {
  name = 'ImportCatalogues1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.matters DROP CONSTRAINT matters_row_uq`);
    await queryRunner.query(`
      ALTER TABLE intake.matters
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawn_by_import uuid`);
    await queryRunner.query(`
      CREATE TABLE intake.catalogue_imports (
        id                  uuid PRIMARY KEY,
        county_code         char(6) NOT NULL REFERENCES intake.counties (code),
        file_name           text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        state               text NOT NULL CHECK (state IN ('preview', 'published', 'superseded')),
        plan                jsonb NOT NULL,
        problem_count       int NOT NULL,
        catalogue_digest    char(64) NOT NULL,
        uploaded_by         text NOT NULL,
        uploaded_by_name    text,
        uploaded_at         timestamptz NOT NULL DEFAULT now(),
        published_by        text,
        published_by_name   text,
        published_at        timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX catalogue_imports_by_county ON intake.catalogue_imports (county_code, uploaded_at DESC)`,
    );
    await queryRunner.query(`
      ALTER TABLE intake.matters
        ADD CONSTRAINT matters_withdrawn_by_import_fk
        FOREIGN KEY (withdrawn_by_import) REFERENCES intake.catalogue_imports (id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.matters DROP CONSTRAINT matters_withdrawn_by_import_fk`);
    await queryRunner.query(`DROP TABLE intake.catalogue_imports`);
    await queryRunner.query(
      `ALTER TABLE intake.matters DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_by_import`,
    );
    await queryRunner.query(
      `ALTER TABLE intake.matters ADD CONSTRAINT matters_row_uq UNIQUE (county_code, level, source_row)`,
    );
  }
}
