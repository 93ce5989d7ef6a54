import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to an open task that someone's 我的待办 shows — a task opened, claimed or given back, decided or
 * cancelled — is announced on the channel `approval_inbox` when its transaction commits, so each approval replica
 * can tell the people whose inbox it changed (inbox-changes.ts) instead of their browsers asking again and again.
 * The payload locates the task only (its scope columns and step); the inbox read that follows applies the person's
 * scope in full. Tasks written already closed (the history generator's) announce nothing.
 */
export class AnnounceInboxChanges1765000000100 implements MigrationInterface {
  name = 'AnnounceInboxChanges1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION approval.announce_inbox_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('approval_inbox', json_build_object(
          'taskId', NEW.id, 'caseId', NEW.case_id, 'county', NEW.county, 'town', NEW.town, 'level', NEW.level,
          'unitCode', NEW.unit_code, 'stepName', NEW.step_name, 'status', NEW.status)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER review_task_opened AFTER INSERT ON approval.review_tasks
        FOR EACH ROW WHEN (NEW.status = 'open') EXECUTE FUNCTION approval.announce_inbox_change()`);
    await queryRunner.query(`
      CREATE TRIGGER review_task_changed AFTER UPDATE ON approval.review_tasks
        FOR EACH ROW WHEN (OLD.status = 'open' AND (NEW.status <> 'open' OR NEW.claimed_by IS DISTINCT FROM OLD.claimed_by))
        EXECUTE FUNCTION approval.announce_inbox_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER review_task_changed ON approval.review_tasks`);
    await queryRunner.query(`DROP TRIGGER review_task_opened ON approval.review_tasks`);
    await queryRunner.query(`DROP FUNCTION approval.announce_inbox_change()`);
  }
}
