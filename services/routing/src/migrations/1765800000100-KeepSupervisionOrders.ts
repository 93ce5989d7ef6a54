import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 督办 and 催办: a supervisor's order about a case to the unit holding it, with the date its answer is due. */
export class KeepSupervisionOrders1765800000100 implements MigrationInterface {
  name = 'KeepSupervisionOrders1765800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.supervision_orders (
        id                 uuid PRIMARY KEY,
        case_id            uuid NOT NULL REFERENCES routing.routed_cases (case_id),
        county             char(6) NOT NULL,
        town               char(9) NOT NULL,
        kind               text NOT NULL CHECK (kind IN ('督办', '催办')),
        unit_code          text NOT NULL,
        step_name          text,
        requirement        text NOT NULL,
        answer_by          date NOT NULL,
        ordered_by         text NOT NULL,
        ordered_by_name    text NOT NULL,
        ordered_at         timestamptz NOT NULL DEFAULT now(),
        answer             text,
        answered_by        text,
        answered_by_name   text,
        answered_at        timestamptz,
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX supervision_orders_by_place ON routing.supervision_orders (county, town, ordered_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX supervision_orders_by_case ON routing.supervision_orders (case_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.supervision_orders`);
  }
}
