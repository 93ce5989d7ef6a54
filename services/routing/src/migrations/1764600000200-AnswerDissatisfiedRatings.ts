import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A 差评 is answered on the record: what the town changed (整改), by whom and when. */
export class AnswerDissatisfiedRatings1764600000200 implements MigrationInterface {
  name = 'AnswerDissatisfiedRatings1764600000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.service_ratings
        ADD COLUMN response text,
        ADD COLUMN responded_by text,
        ADD COLUMN responded_by_name text,
        ADD COLUMN responded_at timestamptz,
        ADD CONSTRAINT service_ratings_answered_whole
          CHECK ((response IS NULL) = (responded_at IS NULL) AND (response IS NULL) = (responded_by IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.service_ratings
        DROP CONSTRAINT service_ratings_answered_whole,
        DROP COLUMN responded_at, DROP COLUMN responded_by_name, DROP COLUMN responded_by, DROP COLUMN response`);
  }
}
