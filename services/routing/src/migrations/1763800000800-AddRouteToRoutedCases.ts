import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Keeps each case's derived route beside its workflow, for supervision and for explaining a case's path. */
export class AddRouteToRoutedCases1763800000800 implements MigrationInterface {
  name = 'AddRouteToRoutedCases1763800000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Nullable: cases routed before routes were derived have none.
    await queryRunner.query(`ALTER TABLE routing.routed_cases ADD COLUMN route jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing.routed_cases DROP COLUMN route`);
  }
}
