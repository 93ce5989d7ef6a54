import type { QueryRunner } from 'typeorm';

/** Vacuum after a hundredth of the table changed (or was added), analyse after a fiftieth. */
const OFTEN = {
  autovacuum_vacuum_scale_factor: 0.01,
  autovacuum_vacuum_insert_scale_factor: 0.01,
  autovacuum_analyze_scale_factor: 0.02,
};

/**
 * Has a table vacuumed (and analysed) once a hundredth of it changed rather than a fifth, PostgreSQL's default: a
 * list counted or ordered from a covering index reads only the pages vacuum has marked unchanged from the index alone,
 * and the rows people look at most (this month's cases, today's messages) are the ones changing.
 */
export async function vacuumOften(queryRunner: QueryRunner, table: string): Promise<void> {
  const settings = Object.entries(OFTEN).map(([name, value]) => `${name} = ${value}`);
  await queryRunner.query(`ALTER TABLE ${table} SET (${settings.join(', ')})`);
}

/** Back to PostgreSQL's defaults (vacuumOften undone). */
export async function vacuumAsDefault(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} RESET (${Object.keys(OFTEN).join(', ')})`);
}
