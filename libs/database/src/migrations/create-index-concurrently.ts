import type { QueryRunner } from 'typeorm';

/**
 * Builds an index of a service's schema without holding the table's writes (migrations that use it run outside a
 * transaction). A build that was interrupted leaves an invalid index behind, which IF NOT EXISTS would keep for
 * good: such a leftover is dropped and built again, so running the migration again always ends with a usable index.
 */
export async function createIndexConcurrently(
  queryRunner: QueryRunner,
  schema: string,
  name: string,
  definition: string,
): Promise<void> {
  const [leftover] = (await queryRunner.query(
    `SELECT NOT i.indisvalid AS invalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, name],
  )) as { invalid: boolean }[];
  if (leftover?.invalid) await queryRunner.query(`DROP INDEX CONCURRENTLY "${schema}"."${name}"`);
  await queryRunner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ${definition}`);
}
