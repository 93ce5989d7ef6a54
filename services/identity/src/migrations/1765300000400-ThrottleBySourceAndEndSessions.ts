import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins are counted per login name and address, per name, and per address (so one address cannot lock a
 * name for everyone, nor try many names); and each account has a session version that every token carries, raised
 * when the person is stopped, given other roles or has the password reset: older tokens stop working at once.
 */
export class ThrottleBySourceAndEndSessions1765300000400 implements MigrationInterface {
  name = 'ThrottleBySourceAndEndSessions1765300000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.login_failures`);
    await queryRunner.query(`
      CREATE TABLE identity.login_attempts (
        key              text PRIMARY KEY,
        max_failures     int NOT NULL CHECK (max_failures >= 1),
        failures         int NOT NULL CHECK (failures >= 1),
        first_failed_at  timestamptz NOT NULL,
        locked_until     timestamptz
      )`);
    await queryRunner.query(
      `ALTER TABLE identity.users ADD COLUMN session_version int NOT NULL DEFAULT 1 CHECK (session_version >= 1)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE identity.users DROP COLUMN session_version`);
    await queryRunner.query(`DROP TABLE identity.login_attempts`);
    await queryRunner.query(`
      CREATE TABLE identity.login_failures (
        login_name      text PRIMARY KEY,
        failures        int NOT NULL CHECK (failures >= 1),
        first_failed_at timestamptz NOT NULL,
        locked_until    timestamptz
      )`);
  }
}
