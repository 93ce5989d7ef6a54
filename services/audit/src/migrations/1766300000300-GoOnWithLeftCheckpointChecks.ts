import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check of the stored checkpoints that its process stopped in is started again by the next audit process, as a
 * place's check is gone on with: each check is held under the lease of the process running it.
 */
export class GoOnWithLeftCheckpointChecks1766300000300 implements MigrationInterface {
  name = 'GoOnWithLeftCheckpointChecks1766300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit.checkpoint_checks
        ADD COLUMN runner   uuid,
        ADD COLUMN taken_up int NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE INDEX checkpoint_checks_left ON audit.checkpoint_checks (heard_at) WHERE status = 'running'`,
    );
    // Checks left before this were listed as interrupted: recorded so, rather than started again.
    await queryRunner.query(
      `UPDATE audit.checkpoint_checks SET status = 'interrupted', finished_at = heard_at,
              failure = '核验未完成（审计服务中途停止），请重新核验'
        WHERE status = 'running' AND heard_at < now() - interval '1 minute'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit.checkpoint_checks_left`);
    await queryRunner.query(`ALTER TABLE audit.checkpoint_checks DROP COLUMN taken_up, DROP COLUMN runner`);
  }
}
