import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document's PDF may be kept in the seal service's document folder (SEAL_DOCUMENT_FOLDER) instead of its row: the
 * row then holds no bytes, and its SM3 digest names the file. Rows that hold their PDF stay as they are.
 */
export class AllowDocumentPdfsInAFolder1766400000400 implements MigrationInterface {
  name = 'AllowDocumentPdfsInAFolder1766400000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE seal.documents ALTER COLUMN pdf DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Refused while any row's PDF is in a folder: bring those back into their rows first.
    await queryRunner.query(`ALTER TABLE seal.documents ALTER COLUMN pdf SET NOT NULL`);
  }
}
