import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chain links are keyed from here on (the key lives in the audit service's environment, never in the database), and
 * the heads of every chain are checkpointed and signed with the system's SM2 key, so a deleted tail, a truncated
 * log or a rewritten stream is found by verification. Events recorded before keep their unkeyed links: `keyed`
 * says which is which, and `chain_keying` records where keying began, so an unkeyed link after it is a forgery.
 */
export class KeyChainsAndSignCheckpoints1765400000600 implements MigrationInterface {
  name = 'KeyChainsAndSignCheckpoints1765400000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit.events ADD COLUMN keyed boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE audit.events ALTER COLUMN keyed SET DEFAULT true`);
    await queryRunner.query(`
      CREATE TABLE audit.chain_keying (
        one            boolean PRIMARY KEY DEFAULT true CHECK (one),
        keyed_from_seq bigint NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO audit.chain_keying (keyed_from_seq) SELECT coalesce(max(seq), 0) + 1 FROM audit.events`,
    );
    await queryRunner.query(`
      CREATE TABLE audit.checkpoints (
        seq             bigint PRIMARY KEY CHECK (seq >= 1),
        taken_at        timestamptz NOT NULL,
        up_to_event_seq bigint NOT NULL,
        heads_count     int NOT NULL,
        heads_sm3       char(64) NOT NULL,
        previous_sm3    char(64) NOT NULL,
        public_key      char(130) NOT NULL,
        signature       char(128) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE audit.checkpoint_heads (
        checkpoint_seq bigint NOT NULL REFERENCES audit.checkpoints (seq),
        stream_id      text NOT NULL,
        version        int NOT NULL,
        hash           char(64) NOT NULL,
        PRIMARY KEY (checkpoint_seq, stream_id)
      )`);
    for (const table of ['chain_keying', 'checkpoints', 'checkpoint_heads']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON audit.${table}
        FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON audit.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit.checkpoint_heads`);
    await queryRunner.query(`DROP TABLE audit.checkpoints`);
    await queryRunner.query(`DROP TABLE audit.chain_keying`);
    await queryRunner.query(`ALTER TABLE audit.events DROP COLUMN keyed`);
  }
}
