import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An application records the matter's name and the guide version it is handled under. */
export class AddMatterSnapshotToApplications1763800000700 implements MigrationInterface {
  name = 'AddMatterSnapshotToApplications1763800000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Nullable: applications recorded before the catalogue existed have neither.
    await queryRunner.query(
      `ALTER TABLE intake.applications ADD COLUMN matter_name text, ADD COLUMN matter_version int`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE intake.applications DROP COLUMN matter_name, DROP COLUMN matter_version`,
    );
  }
}
