import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An open task whose 到期日 moves (a 补正 or 特别程序 recounted the case's deadlines) is announced too, so the
 * inboxes that show it read the new date instead of keeping the old one until something else changes.
 */
export class AnnounceMovedDueDates1765000000200 implements MigrationInterface {
  name = 'AnnounceMovedDueDates1765000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER review_task_changed ON approval.review_tasks`);
    await queryRunner.query(`
      CREATE TRIGGER review_task_changed AFTER UPDATE ON approval.review_tasks
        FOR EACH ROW WHEN (OLD.status = 'open' AND (NEW.status <> 'open'
          OR NEW.claimed_by IS DISTINCT FROM OLD.claimed_by OR NEW.due_date IS DISTINCT FROM OLD.due_date))
        EXECUTE FUNCTION approval.announce_inbox_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER review_task_changed ON approval.review_tasks`);
    await queryRunner.query(`
      CREATE TRIGGER review_task_changed AFTER UPDATE ON approval.review_tasks
        FOR EACH ROW WHEN (OLD.status = 'open' AND (NEW.status <> 'open' OR NEW.claimed_by IS DISTINCT FROM OLD.claimed_by))
        EXECUTE FUNCTION approval.announce_inbox_change()`);
  }
}
