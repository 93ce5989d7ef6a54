import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A county organ issues notices of its own under its seal (考核通报), outside any case: such a document, its stamp
 * and its ledger line name no case and no town. Every case document still names both (the checks below). A notice
 * is public from the moment it is issued (定期通报 … 向社会公开), so published_at is kept with it.
 */
export class IssueCountyNotices1765900000400 implements MigrationInterface {
  name = 'IssueCountyNotices1765900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE seal.documents
        DROP CONSTRAINT documents_kind_check,
        ADD CONSTRAINT documents_kind_check CHECK (kind IN (
          'decision', 'proof', 'certificate', 'acceptance-notice', 'correction-notice', 'non-acceptance',
          'extension-notice', 'special-procedure-notice', 'delivery-receipt', 'assessment-bulletin')),
        ALTER COLUMN case_id DROP NOT NULL,
        ALTER COLUMN town DROP NOT NULL,
        ADD COLUMN published_at timestamptz,
        ADD CONSTRAINT documents_case_or_notice CHECK (
          (kind = 'assessment-bulletin') = (case_id IS NULL) AND (case_id IS NULL OR town IS NOT NULL))`);
    await queryRunner.query(
      `CREATE INDEX documents_published ON seal.documents (county, published_at DESC) WHERE published_at IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE seal.stamps ALTER COLUMN case_id DROP NOT NULL, ALTER COLUMN town DROP NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE seal.ledger ALTER COLUMN case_id DROP NOT NULL, ALTER COLUMN town DROP NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = (await queryRunner.query(
      `SELECT (SELECT count(*) FROM seal.documents WHERE kind = 'assessment-bulletin')::int
            + (SELECT count(*) FROM seal.ledger WHERE case_id IS NULL)::int AS n`,
    )) as { n: number }[];
    // Stamps and ledger lines are append-only: notices issued, or refused, cannot be taken out of the record.
    if (n > 0) throw new Error(`${n} notices or refusals of notices are on the record; it cannot be undone`);
    await queryRunner.query(
      `ALTER TABLE seal.ledger ALTER COLUMN case_id SET NOT NULL, ALTER COLUMN town SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE seal.stamps ALTER COLUMN case_id SET NOT NULL, ALTER COLUMN town SET NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX seal.documents_published`);
    await queryRunner.query(`
      ALTER TABLE seal.documents
        DROP CONSTRAINT documents_case_or_notice,
        DROP COLUMN published_at,
        ALTER COLUMN case_id SET NOT NULL,
        ALTER COLUMN town SET NOT NULL,
        DROP CONSTRAINT documents_kind_check,
        ADD CONSTRAINT documents_kind_check CHECK (kind IN (
          'decision', 'proof', 'certificate', 'acceptance-notice', 'correction-notice', 'non-acceptance',
          'extension-notice', 'special-procedure-notice', 'delivery-receipt'))`);
  }
}
