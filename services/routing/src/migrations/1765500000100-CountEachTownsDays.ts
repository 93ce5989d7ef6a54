import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision's figures for any period without reading every case of the county: a row per town and China Standard
 * Time day with what came in, was accepted and ended that day (by result, on time or not) and the ratings given.
 * Triggers keep it as cases change, whichever code path changes them, in the same transaction; it starts from the
 * cases already recorded. A county's two years (a million cases) become ~20,000 rows.
 *
 * Beside it, the indexes the lists read at that size: open cases by due date county-wide, ended ones newest first,
 * warned ones, ratings newest first (差评 awaiting an answer apart), and the cases open at a given moment (a case's
 * lifetime as a range, for 期末在办 of a past period).
 */
/** A case's lifetime as the index keeps it; a query reads the index only when it writes the same expression. */
export const CASE_LIFETIME = `tstzrange(routed_at, CASE WHEN concluded_at IS NULL THEN NULL ELSE greatest(concluded_at, routed_at) END, '(]')`;

export class CountEachTownsDays1765500000100 implements MigrationInterface {
  name = 'CountEachTownsDays1765500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.town_days (
        county            char(6) NOT NULL,
        town              char(9) NOT NULL,
        day               date NOT NULL,
        received          int NOT NULL DEFAULT 0,
        accepted          int NOT NULL DEFAULT 0,
        concluded         int NOT NULL DEFAULT 0,
        -- Ended with a committed date, withdrawn ones left out (the applicant ended those): what on-time is of.
        timed             int NOT NULL DEFAULT 0,
        concluded_on_time int NOT NULL DEFAULT 0,
        approved          int NOT NULL DEFAULT 0,
        refused           int NOT NULL DEFAULT 0,
        withdrawn         int NOT NULL DEFAULT 0,
        ratings           int NOT NULL DEFAULT 0,
        dissatisfied      int NOT NULL DEFAULT 0,
        PRIMARY KEY (county, town, day)
      )`);

    // What one case contributes, as (day, figures) facts; a change moves its contribution from the old facts to the new.
    await queryRunner.query(`
      CREATE FUNCTION routing.add_to_town_day(
        c_county char(6), c_town char(9), c_day date, n_received int, n_accepted int, n_concluded int, n_timed int,
        n_on_time int, n_approved int, n_refused int, n_withdrawn int, n_ratings int, n_dissatisfied int
      ) RETURNS void LANGUAGE sql AS $$
        INSERT INTO routing.town_days AS d
          (county, town, day, received, accepted, concluded, timed, concluded_on_time, approved, refused, withdrawn,
           ratings, dissatisfied)
        VALUES (c_county, c_town, c_day, n_received, n_accepted, n_concluded, n_timed, n_on_time, n_approved,
                n_refused, n_withdrawn, n_ratings, n_dissatisfied)
        ON CONFLICT (county, town, day) DO UPDATE SET
          received = d.received + EXCLUDED.received,
          accepted = d.accepted + EXCLUDED.accepted,
          concluded = d.concluded + EXCLUDED.concluded,
          timed = d.timed + EXCLUDED.timed,
          concluded_on_time = d.concluded_on_time + EXCLUDED.concluded_on_time,
          approved = d.approved + EXCLUDED.approved,
          refused = d.refused + EXCLUDED.refused,
          withdrawn = d.withdrawn + EXCLUDED.withdrawn,
          ratings = d.ratings + EXCLUDED.ratings,
          dissatisfied = d.dissatisfied + EXCLUDED.dissatisfied
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION routing.count_case_in_town_days(c routing.routed_cases, sign int, part text)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF part = 'received' THEN
          PERFORM routing.add_to_town_day(c.county, c.town, (c.routed_at AT TIME ZONE 'Asia/Shanghai')::date,
                                          sign, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        ELSIF part = 'accepted' AND c.accepted_at IS NOT NULL THEN
          PERFORM routing.add_to_town_day(c.county, c.town, (c.accepted_at AT TIME ZONE 'Asia/Shanghai')::date,
                                          0, sign, 0, 0, 0, 0, 0, 0, 0, 0);
        ELSIF part = 'concluded' AND c.concluded_at IS NOT NULL THEN
          PERFORM routing.add_to_town_day(c.county, c.town, (c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date,
            0, 0, sign,
            CASE WHEN c.on_time IS NOT NULL AND c.result IS DISTINCT FROM '撤件' THEN sign ELSE 0 END,
            CASE WHEN c.on_time AND c.result IS DISTINCT FROM '撤件' THEN sign ELSE 0 END,
            CASE WHEN c.result IN ('准予', '出证') THEN sign ELSE 0 END,
            CASE WHEN c.result IN ('不予许可', '退回', '补正不来') THEN sign ELSE 0 END,
            CASE WHEN c.result = '撤件' THEN sign ELSE 0 END,
            0, 0);
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION routing.keep_town_days_of_cases() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          IF TG_OP = 'DELETE' OR (OLD.county, OLD.town, OLD.routed_at) IS DISTINCT FROM (NEW.county, NEW.town, NEW.routed_at) THEN
            PERFORM routing.count_case_in_town_days(OLD, -1, 'received');
          END IF;
          IF TG_OP = 'DELETE' OR (OLD.county, OLD.town, OLD.accepted_at) IS DISTINCT FROM (NEW.county, NEW.town, NEW.accepted_at) THEN
            PERFORM routing.count_case_in_town_days(OLD, -1, 'accepted');
          END IF;
          IF TG_OP = 'DELETE' OR (OLD.county, OLD.town, OLD.concluded_at, OLD.result, OLD.on_time)
                               IS DISTINCT FROM (NEW.county, NEW.town, NEW.concluded_at, NEW.result, NEW.on_time) THEN
            PERFORM routing.count_case_in_town_days(OLD, -1, 'concluded');
          END IF;
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.county, OLD.town, OLD.routed_at) IS DISTINCT FROM (NEW.county, NEW.town, NEW.routed_at)) THEN
          PERFORM routing.count_case_in_town_days(NEW, 1, 'received');
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.county, OLD.town, OLD.accepted_at) IS DISTINCT FROM (NEW.county, NEW.town, NEW.accepted_at)) THEN
          PERFORM routing.count_case_in_town_days(NEW, 1, 'accepted');
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.county, OLD.town, OLD.concluded_at, OLD.result, OLD.on_time)
                                  IS DISTINCT FROM (NEW.county, NEW.town, NEW.concluded_at, NEW.result, NEW.on_time)) THEN
          PERFORM routing.count_case_in_town_days(NEW, 1, 'concluded');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER routed_cases_town_days AFTER INSERT OR DELETE
          OR UPDATE OF county, town, routed_at, accepted_at, concluded_at, result, on_time
        ON routing.routed_cases FOR EACH ROW EXECUTE FUNCTION routing.keep_town_days_of_cases()`);

    await queryRunner.query(`
      CREATE FUNCTION routing.keep_town_days_of_ratings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM routing.add_to_town_day(OLD.county, OLD.town, (OLD.rated_at AT TIME ZONE 'Asia/Shanghai')::date,
            0, 0, 0, 0, 0, 0, 0, 0, -1, CASE WHEN OLD.score <= 2 THEN -1 ELSE 0 END);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM routing.add_to_town_day(NEW.county, NEW.town, (NEW.rated_at AT TIME ZONE 'Asia/Shanghai')::date,
            0, 0, 0, 0, 0, 0, 0, 0, 1, CASE WHEN NEW.score <= 2 THEN 1 ELSE 0 END);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER service_ratings_town_days AFTER INSERT OR DELETE OR UPDATE OF county, town, rated_at, score
        ON routing.service_ratings FOR EACH ROW EXECUTE FUNCTION routing.keep_town_days_of_ratings()`);

    // The cases and ratings recorded before: counted once, the way the triggers count from here on.
    await queryRunner.query(`
      INSERT INTO routing.town_days
        (county, town, day, received, accepted, concluded, timed, concluded_on_time, approved, refused, withdrawn,
         ratings, dissatisfied)
      SELECT county, town, day, sum(received), sum(accepted), sum(concluded), sum(timed), sum(on_time), sum(approved),
             sum(refused), sum(withdrawn), sum(ratings), sum(dissatisfied)
        FROM (
          SELECT county, town, (routed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, 1 AS received, 0 AS accepted,
                 0 AS concluded, 0 AS timed, 0 AS on_time, 0 AS approved, 0 AS refused, 0 AS withdrawn, 0 AS ratings,
                 0 AS dissatisfied
            FROM routing.routed_cases
          UNION ALL
          SELECT county, town, (accepted_at AT TIME ZONE 'Asia/Shanghai')::date, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0
            FROM routing.routed_cases WHERE accepted_at IS NOT NULL
          UNION ALL
          SELECT county, town, (concluded_at AT TIME ZONE 'Asia/Shanghai')::date, 0, 0, 1,
                 CASE WHEN on_time IS NOT NULL AND result IS DISTINCT FROM '撤件' THEN 1 ELSE 0 END,
                 CASE WHEN on_time AND result IS DISTINCT FROM '撤件' THEN 1 ELSE 0 END,
                 CASE WHEN result IN ('准予', '出证') THEN 1 ELSE 0 END,
                 CASE WHEN result IN ('不予许可', '退回', '补正不来') THEN 1 ELSE 0 END,
                 CASE WHEN result = '撤件' THEN 1 ELSE 0 END, 0, 0
            FROM routing.routed_cases WHERE concluded_at IS NOT NULL
          UNION ALL
          SELECT county, town, (rated_at AT TIME ZONE 'Asia/Shanghai')::date, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                 CASE WHEN score <= 2 THEN 1 ELSE 0 END
            FROM routing.service_ratings
        ) facts
       GROUP BY county, town, day`);

    await queryRunner.query(`
      CREATE INDEX routed_cases_open_by_due ON routing.routed_cases (county, committed_due_date, routed_at)
        WHERE concluded_at IS NULL`);
    await queryRunner.query(`
      CREATE INDEX routed_cases_ended_newest ON routing.routed_cases (county, concluded_at DESC)
        WHERE concluded_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX routed_cases_warned ON routing.routed_cases (county, warning, town) WHERE warning IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX service_ratings_newest ON routing.service_ratings (county, rated_at DESC)`,
    );
    await queryRunner.query(`
      CREATE INDEX service_ratings_unanswered ON routing.service_ratings (county, rated_at DESC)
        WHERE score <= 2 AND response IS NULL`);
    // (routed, concluded]: a case received before a moment and not ended by it was open then. Written so that no
    // pair of times can make the range invalid (an index expression that raised would refuse the case's update).
    await queryRunner.query(`
      CREATE INDEX routed_cases_lifetime ON routing.routed_cases USING gist (${CASE_LIFETIME})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX routing.routed_cases_lifetime`);
    await queryRunner.query(`DROP INDEX routing.service_ratings_unanswered`);
    await queryRunner.query(`DROP INDEX routing.service_ratings_newest`);
    await queryRunner.query(`DROP INDEX routing.routed_cases_warned`);
    await queryRunner.query(`DROP INDEX routing.routed_cases_ended_newest`);
    await queryRunner.query(`DROP INDEX routing.routed_cases_open_by_due`);
    await queryRunner.query(`DROP TRIGGER service_ratings_town_days ON routing.service_ratings`);
    await queryRunner.query(`DROP FUNCTION routing.keep_town_days_of_ratings()`);
    await queryRunner.query(`DROP TRIGGER routed_cases_town_days ON routing.routed_cases`);
    await queryRunner.query(`DROP FUNCTION routing.keep_town_days_of_cases()`);
    await queryRunner.query(`DROP FUNCTION routing.count_case_in_town_days(routing.routed_cases, int, text)`);
    await queryRunner.query(
      `DROP FUNCTION routing.add_to_town_day(char, char, date, int, int, int, int, int, int, int, int, int, int)`,
    );
    await queryRunner.query(`DROP TABLE routing.town_days`);
  }
}
