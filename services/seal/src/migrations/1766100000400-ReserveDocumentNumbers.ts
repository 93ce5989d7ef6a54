import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 文号 each document key holds. It was taken under the organ's counter lock held until the document was laid out,
 * signed and stored, so an organ issued its documents one at a time (25–45 ms of waiting per document at twenty cases
 * in flight, and some 25 documents a second at most per organ). A number is now reserved for its key in a statement
 * of its own and the document issued with it afterwards: the same key always gets the same number back, and the
 * counter moves only together with a reservation, so numbers stay unique. A case's document is retried until it is
 * issued, so its number is filled, if later than higher ones when its seal was taken out of use in between; a number
 * whose document is never issued (a notice refused so and not issued again) is the one gap, and stays on record here.
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
    // A number once reserved is its key's for good: rows are added, never changed or removed.
    await queryRunner.query(`
      CREATE TRIGGER reserved_document_numbers_append_only BEFORE UPDATE OR DELETE ON seal.reserved_document_numbers
      FOR EACH ROW EXECUTE FUNCTION seal.refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER reserved_document_numbers_no_truncate BEFORE TRUNCATE ON seal.reserved_document_numbers
      FOR EACH STATEMENT EXECUTE FUNCTION seal.refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE seal.reserved_document_numbers`);
  }
}
