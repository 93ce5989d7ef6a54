import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 用印登记 line as a seal keeper reads it: the case by its 办件编号 and matter, the person who asked for the stamp by
 * name. Null on lines written before; the ledger stays append-only (new columns, no rewrite of old lines).
 */
export class NameTheCaseAndPersonInTheLedger1764900000400 implements MigrationInterface {
  name = 'NameTheCaseAndPersonInTheLedger1764900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE seal.ledger
        ADD COLUMN receipt_number text,
        ADD COLUMN matter_name text,
        ADD COLUMN requested_by_name text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE seal.ledger DROP COLUMN requested_by_name, DROP COLUMN matter_name, DROP COLUMN receipt_number`,
    );
  }
}
