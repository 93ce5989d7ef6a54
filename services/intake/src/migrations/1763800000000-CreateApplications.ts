import { createMessagingTables, dropMessagingTables } from '@oneseal/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApplications1763800000000 implements MigrationInterface {
  name = 'CreateApplications1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.applications (
        id                  uuid PRIMARY KEY,
        county              char(6) NOT NULL,
        town                char(9) NOT NULL,
        village_code        char(12),
        matter_code         text NOT NULL,
        channel             text NOT NULL CHECK (channel IN ('village-agent', 'town-window', 'online', 'kiosk')),
        applicant_name      text NOT NULL,
        idempotency_key     text,
        request_fingerprint text NOT NULL,
        submitted_at        timestamptz NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_idempotency_key_uq UNIQUE (county, idempotency_key)
      )`);
    await createMessagingTables(queryRunner, 'intake');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'intake');
    await queryRunner.query(`DROP TABLE intake.applications`);
  }
}
