import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A checkpoint's heads read back a page at a time in the order its digest was taken in (stream ids compared as
 * bytes, as the service compares them): the check of a checkpoint with a million heads no longer holds them all in
 * memory. The primary key orders by the database's collation, which outside the embedded setup (en_US in the
 * official images) is not byte order, so it cannot serve those pages.
 */
export class ReadCheckpointHeadsInByteOrder1766000000800 implements MigrationInterface {
  name = 'ReadCheckpointHeadsInByteOrder1766000000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX checkpoint_heads_in_byte_order ON audit.checkpoint_heads (checkpoint_seq, stream_id COLLATE "C")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit.checkpoint_heads_in_byte_order`);
  }
}
