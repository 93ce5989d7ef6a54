import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTakingUpLeftChecksOf, takeUpLeftChecksOf } from './left-checks';

/**
 * A check of the stored checkpoints that its process stopped in is started again by the next audit process, as a
 * place's check is gone on with.
 */
export class GoOnWithLeftCheckpointChecks1766300000300 implements MigrationInterface {
  name = 'GoOnWithLeftCheckpointChecks1766300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await takeUpLeftChecksOf(queryRunner, 'checkpoint_checks');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTakingUpLeftChecksOf(queryRunner, 'checkpoint_checks');
  }
}
