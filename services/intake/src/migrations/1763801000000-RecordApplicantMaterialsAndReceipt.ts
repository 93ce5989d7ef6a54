import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application records who applied (ID number, phone), what was handed in, how the result is to be delivered,
 * and its receipt number (办件编号), drawn from a per-county, per-day counter so numbers never repeat in a county.
 */
export class RecordApplicantMaterialsAndReceipt1763801000000 implements MigrationInterface {
  name = 'RecordApplicantMaterialsAndReceipt1763801000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Nullable: applications recorded before this change have none of these.
    await queryRunner.query(`
      ALTER TABLE intake.applications
        ADD COLUMN applicant_id_number text,
        ADD COLUMN applicant_phone text,
        ADD COLUMN materials jsonb,
        ADD COLUMN delivery_method text,
        ADD COLUMN delivery_address text,
        ADD COLUMN receipt_number text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX applications_receipt_number_per_county
         ON intake.applications (county, receipt_number) WHERE receipt_number IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE intake.receipt_counters (
        county_code char(6) NOT NULL,
        day         date NOT NULL,
        last_number int NOT NULL,
        PRIMARY KEY (county_code, day)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.receipt_counters`);
    await queryRunner.query(`DROP INDEX intake.applications_receipt_number_per_county`);
    await queryRunner.query(`
      ALTER TABLE intake.applications
        DROP COLUMN applicant_id_number, DROP COLUMN applicant_phone, DROP COLUMN materials,
        DROP COLUMN delivery_method, DROP COLUMN delivery_address, DROP COLUMN receipt_number`);
  }
}
