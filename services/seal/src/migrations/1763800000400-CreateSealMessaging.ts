import { createMessagingTables, dropMessagingTables } from '@oneseal/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The seal service's outbox and inbox; its registry and ledger tables come with the seal feature. */
export class CreateSealMessaging1763800000400 implements MigrationInterface {
  name = 'CreateSealMessaging1763800000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, 'seal');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'seal');
  }
}
