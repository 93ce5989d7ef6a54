import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropMessagingByAgeIndexes, indexMessagingByAge } from '@oneseal/database';

/** Lets the service prune its published outbox rows and processed-event records by age (pruneMessaging). */
export class IndexMessagingByAge1766200000000 implements MigrationInterface {
  name = 'IndexMessagingByAge1766200000000';
  // Built CONCURRENTLY (no transaction may hold it): events go on being written during the build.
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await indexMessagingByAge(queryRunner, 'intake');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingByAgeIndexes(queryRunner, 'intake');
  }
}
