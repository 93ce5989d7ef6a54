import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A calendar change tells every open case to redo its dates: at a province's size hundreds of thousands of cases,
 * more than an administrator's request can wait for. Each change's telling is kept as a run that goes on in the
 * routing service a page of cases at a time, says how far it is, and is taken up again from where it was if the
 * process running it stops (`runner` names the process holding it; `after_case_id` is where it got to).
 */
export class KeepCalendarRecalculations1766000000400 implements MigrationInterface {
  name = 'KeepCalendarRecalculations1766000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.calendar_recalculations (
        id                 uuid PRIMARY KEY,
        -- NULL: the national arrangement, every county's open cases.
        county             char(6),
        change             jsonb NOT NULL,
        requested_by       text NOT NULL,
        requested_by_name  text NOT NULL,
        started_at         timestamptz NOT NULL DEFAULT now(),
        finished_at        timestamptz,
        status             text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
        open_cases         int NOT NULL,
        signalled          int NOT NULL DEFAULT 0,
        -- Cases the engine could not be asked to take the change (busy or down): saving the change again asks them.
        unreachable        int NOT NULL DEFAULT 0,
        after_case_id      uuid,
        runner             uuid NOT NULL,
        heard_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX calendar_recalculations_latest ON routing.calendar_recalculations (started_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX calendar_recalculations_running ON routing.calendar_recalculations (heard_at) WHERE status = 'running'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.calendar_recalculations`);
  }
}
