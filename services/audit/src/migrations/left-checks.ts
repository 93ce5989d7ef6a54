import type { QueryRunner } from 'typeorm';

type CheckTable = 'verification_runs' | 'checkpoint_checks';

/**
 * Lets the audit processes take up a table's checks left by a stopped one: the lease of the process holding each
 * (`runner`), how often one was taken up after its process died (`taken_up`), and an index of the running ones (every
 * audit process looks for left checks every 30 s). Checks left before this were listed as interrupted: they are
 * recorded so, rather than taken up.
 */
export async function takeUpLeftChecksOf(queryRunner: QueryRunner, table: CheckTable): Promise<void> {
  await queryRunner.query(
    `ALTER TABLE audit.${table} ADD COLUMN runner uuid, ADD COLUMN taken_up int NOT NULL DEFAULT 0`,
  );
  await queryRunner.query(`CREATE INDEX ${table}_left ON audit.${table} (heard_at) WHERE status = 'running'`);
  await queryRunner.query(
    `UPDATE audit.${table} SET status = 'interrupted', finished_at = heard_at,
            failure = '核验未完成（审计服务中途停止），请重新核验'
      WHERE status = 'running' AND heard_at < now() - interval '1 minute'`,
  );
}

export async function dropTakingUpLeftChecksOf(queryRunner: QueryRunner, table: CheckTable): Promise<void> {
  await queryRunner.query(`DROP INDEX audit.${table}_left`);
  await queryRunner.query(`ALTER TABLE audit.${table} DROP COLUMN taken_up, DROP COLUMN runner`);
}
