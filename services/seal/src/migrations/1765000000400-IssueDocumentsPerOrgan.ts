import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every document is issued by an organ under that organ's seal: a town (its one approval seal) or a county bureau
 * (its own seal, with the same lifecycle). Each organ numbers what it issues per year (文号), gaplessly; the pattern
 * and where its remedies lead (复议机关, 法院) are the organ's settings. Earlier rows are the towns' own.
 */
export class IssueDocumentsPerOrgan1765000000400 implements MigrationInterface {
  name = 'IssueDocumentsPerOrgan1765000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE seal.issuing_organs (
        code            text PRIMARY KEY,
        county          char(6) NOT NULL,
        level           text NOT NULL CHECK (level IN ('town', 'county')),
        name            text NOT NULL,
        number_pattern  text NOT NULL CHECK (number_pattern LIKE '%{year}%' AND number_pattern LIKE '%{n}%'),
        review_organ    text NOT NULL,
        court           text NOT NULL,
        updated_by      text NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE seal.document_numbers (
        organ        text NOT NULL REFERENCES seal.issuing_organs (code),
        year         integer NOT NULL,
        last_number  integer NOT NULL CHECK (last_number > 0),
        PRIMARY KEY (organ, year)
      )`);

    await queryRunner.query(`
      ALTER TABLE seal.seals
        DROP CONSTRAINT seals_kind_check,
        ADD CONSTRAINT seals_kind_check CHECK (kind IN ('approval', 'bureau', 'legacy')),
        DROP CONSTRAINT seals_legacy_only_sealed_away,
        ADD CONSTRAINT seals_legacy_only_sealed_away CHECK (kind <> 'legacy' OR status = '封存')`);
    await queryRunner.query(`
      ALTER TABLE seal.documents
        DROP CONSTRAINT documents_kind_check,
        ADD CONSTRAINT documents_kind_check CHECK (kind IN (
          'decision', 'proof', 'certificate', 'acceptance-notice', 'correction-notice', 'non-acceptance',
          'extension-notice', 'special-procedure-notice', 'delivery-receipt'))`);
    await queryRunner.query(`ALTER TABLE seal.seals ADD COLUMN organ text, ADD COLUMN organ_name text`);
    await queryRunner.query(
      `UPDATE seal.seals SET organ = town, organ_name = county_name || town_name || '人民政府'`,
    );
    await queryRunner.query(`
      ALTER TABLE seal.seals
        ALTER COLUMN organ SET NOT NULL,
        ALTER COLUMN organ_name SET NOT NULL,
        ALTER COLUMN town DROP NOT NULL,
        ALTER COLUMN town_name DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE seal.seals ADD CONSTRAINT seals_town_or_bureau
        CHECK ((kind = 'bureau') = (town IS NULL))`);
    // The one-seal rule is the town's; a bureau too has one seal in force at a time.
    await queryRunner.query(`
      CREATE UNIQUE INDEX seals_one_active_bureau_seal
        ON seal.seals (organ) WHERE kind = 'bureau' AND status = '启用'`);
    await queryRunner.query(`CREATE INDEX seals_by_organ ON seal.seals (organ, created_at)`);

    await queryRunner.query(`
      ALTER TABLE seal.documents
        ADD COLUMN organ text,
        ADD COLUMN number text,
        ADD COLUMN file_name text,
        ADD COLUMN issued_at timestamptz`);
    await queryRunner.query(`UPDATE seal.documents SET organ = town, issued_at = created_at`);
    await queryRunner.query(`ALTER TABLE seal.documents ALTER COLUMN organ SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX documents_one_number ON seal.documents (organ, number)`);
    await queryRunner.query(`CREATE INDEX documents_by_case ON seal.documents (case_id, created_at)`);

    // Append-only: a new column, no rewrite of old lines (null there means the town's own seal).
    await queryRunner.query(`ALTER TABLE seal.ledger ADD COLUMN organ text`);
    await queryRunner.query(`CREATE INDEX ledger_by_organ ON seal.ledger (organ, seq)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Stamps and seal transitions are append-only: once a notice or a bureau seal exists, there is no going back.
    const [issued] = (await queryRunner.query(
      `SELECT (SELECT count(*) FROM seal.documents WHERE kind NOT IN ('decision', 'proof', 'certificate'))::int
            + (SELECT count(*) FROM seal.seals WHERE kind = 'bureau')::int AS n`,
    )) as { n: number }[];
    if (issued.n > 0) {
      throw new Error(
        'IssueDocumentsPerOrgan cannot be reverted: notices or bureau seals exist, and stamps and seal transitions are append-only',
      );
    }
    await queryRunner.query(`DROP INDEX seal.ledger_by_organ`);
    await queryRunner.query(`ALTER TABLE seal.ledger DROP COLUMN organ`);
    await queryRunner.query(`DROP INDEX seal.documents_by_case`);
    await queryRunner.query(`DROP INDEX seal.documents_one_number`);
    await queryRunner.query(
      `ALTER TABLE seal.documents DROP COLUMN issued_at, DROP COLUMN file_name, DROP COLUMN number, DROP COLUMN organ`,
    );
    await queryRunner.query(
      `DELETE FROM seal.documents WHERE kind NOT IN ('decision', 'proof', 'certificate')`,
    );
    await queryRunner.query(`
      ALTER TABLE seal.documents
        DROP CONSTRAINT documents_kind_check,
        ADD CONSTRAINT documents_kind_check CHECK (kind IN ('decision', 'proof', 'certificate'))`);
    await queryRunner.query(`DELETE FROM seal.seals WHERE kind = 'bureau'`);
    await queryRunner.query(`
      ALTER TABLE seal.seals
        DROP CONSTRAINT seals_legacy_only_sealed_away,
        ADD CONSTRAINT seals_legacy_only_sealed_away CHECK (kind = 'approval' OR status = '封存'),
        DROP CONSTRAINT seals_kind_check,
        ADD CONSTRAINT seals_kind_check CHECK (kind IN ('approval', 'legacy'))`);
    await queryRunner.query(`DROP INDEX seal.seals_by_organ`);
    await queryRunner.query(`DROP INDEX seal.seals_one_active_bureau_seal`);
    await queryRunner.query(`ALTER TABLE seal.seals DROP CONSTRAINT seals_town_or_bureau`);
    await queryRunner.query(`
      ALTER TABLE seal.seals
        ALTER COLUMN town SET NOT NULL,
        ALTER COLUMN town_name SET NOT NULL,
        DROP COLUMN organ_name,
        DROP COLUMN organ`);
    await queryRunner.query(`DROP TABLE seal.document_numbers`);
    await queryRunner.query(`DROP TABLE seal.issuing_organs`);
  }
}
