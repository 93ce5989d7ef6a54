import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndexConcurrently } from '@oneseal/database';

/**
 * Finding a case by part of a name — the applicant's (two or three characters, usually) or the matter's — through an
 * index instead of reading every case of the town: each case is indexed under every character and every pair of
 * adjacent characters of both names. pg_trgm would not serve: it needs three characters to narrow anything down.
 * A search looks up the pairs of what was typed (its one character when only one was), then LIKE confirms the match.
 *
 * The case's county and town are keys of the same entry ("county:…", "town:…"), so a window's search reads only its
 * own town's matches. Plain county and town columns in the index (btree_gin) would also draw every query by county
 * alone to it, which then read half a million entries instead of a few.
 */
export class IndexNameCharacters1765600000100 implements MigrationInterface {
  name = 'IndexNameCharacters1765600000100';
  // Built CONCURRENTLY, which no transaction may hold: at a million cases the build takes about 20 s, and a plain
  // CREATE INDEX would hold every write to routing.routed_cases (steps, stages, the day counts) that long.
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    // Characters as PostgreSQL counts them (code points), as the service splits what was typed. PL/pgSQL rather
    // than SQL: a third of the cost, paid again on every write of a case that is not a HOT update.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION routing.name_grams(county text, town text, applicant_name text, matter_name text)
        RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        DECLARE
          grams text[] := ARRAY['county:' || county];
          name text;
          length int;
        BEGIN
          IF town IS NOT NULL THEN
            grams := grams || ('town:' || town);
          END IF;
          FOREACH name IN ARRAY ARRAY[coalesce(applicant_name, ''), coalesce(matter_name, '')] LOOP
            length := char_length(name);
            FOR i IN 1..length LOOP
              grams := grams || substr(name, i, 1);
              IF i < length THEN
                grams := grams || substr(name, i, 2);
              END IF;
            END LOOP;
          END LOOP;
          RETURN grams;
        END
        $$`);
    await createIndexConcurrently(
      queryRunner,
      'routing',
      'routed_cases_by_name',
      `ON routing.routed_cases USING gin (routing.name_grams(county, town, applicant_name, matter_name))`,
    );
    await queryRunner.query(`ANALYZE routing.routed_cases`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS routing.routed_cases_by_name`);
    await queryRunner.query(`DROP FUNCTION routing.name_grams(text, text, text, text)`);
  }
}
