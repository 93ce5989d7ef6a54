import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 好差评 closed: a rating per service event (受理 and 送达 at the counter's 评价器, the whole case online), the reasons
 * of a 差评 by category, who served, the deadline of its 整改, and the 回访 that follows it. The counter's 评价器 shows
 * what its clerk just asked to be rated (one request per clerk at a time).
 */
export class CloseTheRatingLoop1765700000100 implements MigrationInterface {
  name = 'CloseTheRatingLoop1765700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.service_ratings
        ADD COLUMN service_event text NOT NULL DEFAULT 'case'
          CHECK (service_event IN ('case', 'acceptance', 'delivery')),
        ADD COLUMN channel text NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'window-pad')),
        ADD COLUMN categories text[] NOT NULL DEFAULT '{}',
        ADD COLUMN served_by text,
        ADD COLUMN served_by_name text,
        ADD COLUMN rectify_by date,
        ADD COLUMN revisited_at timestamptz,
        ADD COLUMN revisit_method text,
        ADD COLUMN revisit_score smallint,
        ADD COLUMN revisit_note text,
        ADD COLUMN revisited_by text,
        ADD COLUMN revisited_by_name text`);
    // A 差评 gives its reason by category or in words (it used to be words only).
    await queryRunner.query(`
      ALTER TABLE routing.service_ratings
        DROP CONSTRAINT service_ratings_check,
        ADD CONSTRAINT service_ratings_reason_given
          CHECK (score > 2 OR comment IS NOT NULL OR cardinality(categories) > 0),
        ADD CONSTRAINT service_ratings_revisited_whole
          CHECK ((revisited_at IS NULL) = (revisit_method IS NULL) AND (revisited_at IS NULL) = (revisit_score IS NULL)
             AND (revisited_at IS NULL) = (revisited_by IS NULL))`);
    await queryRunner.query(`ALTER TABLE routing.service_ratings DROP CONSTRAINT service_ratings_pkey`);
    await queryRunner.query(`ALTER TABLE routing.service_ratings ADD PRIMARY KEY (case_id, service_event)`);
    await queryRunner.query(`
      CREATE INDEX service_ratings_by_county_and_time ON routing.service_ratings (county, rated_at)`);
    await queryRunner.query(`
      CREATE TABLE routing.rating_requests (
        clerk_id       text PRIMARY KEY,
        clerk_name     text NOT NULL,
        case_id        uuid NOT NULL,
        service_event  text NOT NULL CHECK (service_event IN ('acceptance', 'delivery')),
        matter_name    text,
        county         char(6) NOT NULL,
        town           char(9) NOT NULL,
        requested_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.rating_requests`);
    await queryRunner.query(`DROP INDEX routing.service_ratings_by_county_and_time`);
    await queryRunner.query(`DELETE FROM routing.service_ratings WHERE service_event <> 'case'`);
    await queryRunner.query(`ALTER TABLE routing.service_ratings DROP CONSTRAINT service_ratings_pkey`);
    await queryRunner.query(`ALTER TABLE routing.service_ratings ADD PRIMARY KEY (case_id)`);
    await queryRunner.query(
      `UPDATE routing.service_ratings SET comment = '（未填写意见）' WHERE score <= 2 AND comment IS NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE routing.service_ratings
        DROP CONSTRAINT service_ratings_reason_given,
        DROP CONSTRAINT service_ratings_revisited_whole,
        ADD CONSTRAINT service_ratings_check CHECK (score > 2 OR comment IS NOT NULL)`);
    await queryRunner.query(`
      ALTER TABLE routing.service_ratings
        DROP COLUMN service_event, DROP COLUMN channel, DROP COLUMN categories, DROP COLUMN served_by,
        DROP COLUMN served_by_name, DROP COLUMN rectify_by, DROP COLUMN revisited_at, DROP COLUMN revisit_method,
        DROP COLUMN revisit_score, DROP COLUMN revisit_note, DROP COLUMN revisited_by, DROP COLUMN revisited_by_name`);
  }
}
