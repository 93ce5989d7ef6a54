import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an organ's documents say of it — its 文号 pattern, where its refusals send an applicant for 行政复议 and
 * 行政诉讼 — changes only with a record of who changed what, from what, and when. Append-only, as the ledger is.
 */
export class KeepOrganSettingChanges1765100000400 implements MigrationInterface {
  name = 'KeepOrganSettingChanges1765100000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE seal.organ_setting_changes (
        seq         bigserial PRIMARY KEY,
        organ       text NOT NULL REFERENCES seal.issuing_organs (code),
        changed_by  text NOT NULL,
        changed_at  timestamptz NOT NULL DEFAULT now(),
        before      jsonb NOT NULL,
        after       jsonb NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX organ_setting_changes_by_organ ON seal.organ_setting_changes (organ, seq)`,
    );
    await queryRunner.query(`
      CREATE TRIGGER organ_setting_changes_append_only BEFORE UPDATE OR DELETE ON seal.organ_setting_changes
      FOR EACH ROW EXECUTE FUNCTION seal.refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE seal.organ_setting_changes`);
  }
}
