import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pages of a case file: scans, photos and PDFs, each bound to the guide material it satisfies, kept in the
 * database with the case (never in a temporary folder) and identified by its SHA-256. The same file added twice for
 * the same material is one page.
 */
export class KeepAttachments1764900000100 implements MigrationInterface {
  name = 'KeepAttachments1764900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.attachments (
        id             uuid PRIMARY KEY,
        case_id        uuid NOT NULL REFERENCES intake.applications (id),
        material_name  text NOT NULL CHECK (length(material_name) BETWEEN 1 AND 200),
        file_name      text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type   text NOT NULL
                       CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'application/ofd')),
        size_bytes     integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
        sha256         char(64) NOT NULL,
        stage          text NOT NULL CHECK (stage IN ('filing', 'correction', 'scan')),
        added_by       text NOT NULL,
        added_by_name  text,
        added_at       timestamptz NOT NULL DEFAULT now(),
        content        bytea NOT NULL,
        UNIQUE (case_id, material_name, sha256)
      )`);
    await queryRunner.query(`CREATE INDEX attachments_by_case ON intake.attachments (case_id, added_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.attachments`);
  }
}
