import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A checkpoint's heads are written straight from the log into their rows, and the checkpoint signed over what those
 * rows hold, read back a page at a time; its own row follows them in the same transaction. So the reference from a
 * head to its checkpoint is checked when the transaction commits rather than row by row.
 */
export class SignCheckpointHeadsFromTheirRows1766000000900 implements MigrationInterface {
  name = 'SignCheckpointHeadsFromTheirRows1766000000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE audit.checkpoint_heads
         ALTER CONSTRAINT checkpoint_heads_checkpoint_seq_fkey DEFERRABLE INITIALLY DEFERRED`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE audit.checkpoint_heads ALTER CONSTRAINT checkpoint_heads_checkpoint_seq_fkey NOT DEFERRABLE`,
    );
  }
}
