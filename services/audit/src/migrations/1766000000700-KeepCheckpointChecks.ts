import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check of the signed checkpoints as a job of its own, like a check of a place's chains: a million heads take
 * minutes, and the auditor may leave the screen. Against the stored checkpoints, or against a copy kept outside the
 * system (the copy itself is held only while its check runs; the row says when it was exported and how many it held).
 */
export class KeepCheckpointChecks1766000000700 implements MigrationInterface {
  name = 'KeepCheckpointChecks1766000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit.checkpoint_checks (
        id                   uuid PRIMARY KEY,
        copy_exported_at     timestamptz,
        copy_checkpoints     int,
        requested_by         text NOT NULL,
        requested_by_name    text NOT NULL,
        started_at           timestamptz NOT NULL DEFAULT now(),
        -- Written with every part checked: a check not heard of for a while was left by a process that stopped.
        heard_at             timestamptz NOT NULL DEFAULT now(),
        finished_at          timestamptz,
        status               text NOT NULL DEFAULT 'running'
                             CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
        checkpoints          int NOT NULL DEFAULT 0,
        checkpoints_checked  int NOT NULL DEFAULT 0,
        heads                bigint NOT NULL DEFAULT 0,
        heads_checked        bigint NOT NULL DEFAULT 0,
        verdict              jsonb,
        failure              text
      )`);
    await queryRunner.query(
      `CREATE INDEX checkpoint_checks_latest ON audit.checkpoint_checks (started_at DESC)`,
    );
    // One check at a time: each reads every head of the log, and two at once would only halve each other's speed.
    await queryRunner.query(
      `CREATE UNIQUE INDEX checkpoint_checks_one_running ON audit.checkpoint_checks ((true)) WHERE status = 'running'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit.checkpoint_checks`);
  }
}
