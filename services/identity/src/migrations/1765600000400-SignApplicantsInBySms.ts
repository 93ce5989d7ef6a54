import { createRateLimitTable, dropRateLimitTable } from '@oneseal/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicants sign in to 网上办事 with their mobile number and a code sent to it by SMS. One live code per number,
 * kept as a salted hash; how many codes a number was sent within the hour and the day, and an address within the
 * hour, so that neither floods a phone, runs up the SMS bill or guesses its way in over time.
 */
export class SignApplicantsInBySms1765600000400 implements MigrationInterface {
  name = 'SignApplicantsInBySms1765600000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.applicant_sign_in_codes (
        phone           text PRIMARY KEY,
        code_sha256     text,
        salt            text,
        issued_at       timestamptz NOT NULL,
        expires_at      timestamptz NOT NULL,
        wrong_attempts  int NOT NULL DEFAULT 0 CHECK (wrong_attempts >= 0),
        hour_started_at timestamptz NOT NULL,
        sent_in_hour    int NOT NULL CHECK (sent_in_hour >= 1),
        day_started_at  timestamptz NOT NULL,
        sent_in_day     int NOT NULL CHECK (sent_in_day >= 1)
      )`);
    await queryRunner.query(`
      CREATE TABLE identity.applicant_sign_in_sources (
        source          text PRIMARY KEY,
        hour_started_at timestamptz NOT NULL,
        sent_in_hour    int NOT NULL CHECK (sent_in_hour >= 1)
      )`);
    // Wrong codes per address, over every number (rate limits of the public routes, as the other services count them).
    await createRateLimitTable(queryRunner, 'identity');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropRateLimitTable(queryRunner, 'identity');
    await queryRunner.query(`DROP TABLE identity.applicant_sign_in_sources`);
    await queryRunner.query(`DROP TABLE identity.applicant_sign_in_codes`);
  }
}
