import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What verification shows of a document so a paper copy can be compared with it: the matter, the outcome in the
 * words of its type, and the applicant's name masked. Documents issued before keep null (verification then shows the
 * issuer, title, 文号, case and date only).
 */
export class KeepDocumentEssentials1765300000700 implements MigrationInterface {
  name = 'KeepDocumentEssentials1765300000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE seal.documents
        ADD COLUMN matter_name text,
        ADD COLUMN outcome text,
        ADD COLUMN applicant_masked text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE seal.documents DROP COLUMN matter_name, DROP COLUMN outcome, DROP COLUMN applicant_masked`,
    );
  }
}
