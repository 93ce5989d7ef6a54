import type { MigrationInterface, QueryRunner } from 'typeorm';
import { vacuumAsDefault, vacuumOften } from '@oneseal/database';

/**
 * notification.notifications is vacuumed once a hundredth of it has changed (vacuumOften): a desk's messages are
 * counted from their covering index alone only for pages vacuum has marked unchanged, and messages are written and
 * then marked sent all day. With 5,724 of a window's 18,763 messages still to be looked up in the table, their count
 * took 9 ms; once vacuumed, 4 ms.
 */
export class VacuumMessagesOften1766300000100 implements MigrationInterface {
  name = 'VacuumMessagesOften1766300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await vacuumOften(queryRunner, 'notification.notifications');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await vacuumAsDefault(queryRunner, 'notification.notifications');
  }
}
