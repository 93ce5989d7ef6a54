import type { QueryRunner } from 'typeorm';

const SETTINGS = [
  'autovacuum_vacuum_scale_factor',
  'autovacuum_vacuum_insert_scale_factor',
  'autovacuum_analyze_scale_factor',
] as const;

/**
 * Has a table vacuumed (and analysed) once a hundredth of it changed rather than a fifth, PostgreSQL's default: a
 * list counted or ordered from a covering index reads only the pages vacuum has marked unchanged from the index alone,
 * and the rows people look at most (this month's cases, today's messages) are the ones changing.
 */
export async function vacuumOften(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(
    `ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01,
       autovacuum_analyze_scale_factor = 0.02)`,
  );
}

/** Back to PostgreSQL's defaults (vacuumOften undone). */
export async function vacuumAsDefault(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} RESET (${SETTINGS.join(', ')})`);
}
