import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 文号 each document key holds. It was taken under the organ's counter lock held until the document was laid out,
 * signed and stored, so an organ issued its documents one at a time (25–45 ms of waiting per document at twenty cases
 * in flight, and some 25 documents a second at most per organ). A number is now reserved for its key in a statement
 * of its own and the document issued with it afterwards: the same key always gets the same number back, and the
 * counter moves only together with a reservation, so numbers stay unique and gapless.
 */
export class ReserveDocumentNumbers1766100000400 implements MigrationInterface {
  name = 'ReserveDocumentNumbers1766100000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE seal.reserved_document_numbers (
        key          text PRIMARY KEY,
        organ        text NOT NULL REFERENCES seal.issuing_organs (code),
        year         integer NOT NULL,
        number       integer NOT NULL CHECK (number > 0),
        reserved_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organ, year, number)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE seal.reserved_document_numbers`);
  }
}
