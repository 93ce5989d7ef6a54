import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each town's 便民服务中心 publishes (公示): where it is, its phone and its hours, as the county's administrator
 * enters them. Nothing is made up in their place: a center not yet described shows its name only.
 */
export class PublishServiceCenters1765600000500 implements MigrationInterface {
  name = 'PublishServiceCenters1765600000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.service_centers (
        town_code       char(9) PRIMARY KEY REFERENCES intake.towns(code),
        address         text NOT NULL,
        phone           text NOT NULL,
        hours           text NOT NULL,
        updated_by      text NOT NULL,
        updated_by_name text NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.service_centers`);
  }
}
