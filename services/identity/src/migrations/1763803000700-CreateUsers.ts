import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people who work in OneSeal. Each account has one county and, by its roles, the town, village or county
 * bureau it works for; the checks keep an account from having a role without the scope that role needs.
 */
export class CreateUsers1763803000700 implements MigrationInterface {
  name = 'CreateUsers1763803000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.users (
        id             uuid PRIMARY KEY,
        login_name     text NOT NULL UNIQUE CHECK (login_name ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
        display_name   text NOT NULL CHECK (display_name <> ''),
        -- scrypt:<N>:<r>:<p>:<salt, base64>:<hash, base64>
        password_hash  text NOT NULL CHECK (password_hash LIKE 'scrypt:%'),
        roles          text[] NOT NULL CHECK (
                         cardinality(roles) > 0 AND
                         roles <@ ARRAY['village-agent', 'town-window', 'town-reviewer', 'town-leader',
                                        'county-officer', 'seal-keeper', 'supervisor', 'auditor', 'admin']),
        county         char(6) NOT NULL CHECK (county ~ '^[0-9]{6}$'),
        town           char(9) CHECK (town ~ '^[0-9]{9}$' AND left(town, 6) = county),
        village        char(12) CHECK (village ~ '^[0-9]{12}$' AND left(village, 9) = town),
        unit_code      text CHECK (unit_code LIKE county || '-%'),
        active         boolean NOT NULL DEFAULT true,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_village_agent_has_village CHECK (NOT 'village-agent' = ANY (roles) OR village IS NOT NULL),
        CONSTRAINT users_town_role_has_town CHECK (
          NOT roles && ARRAY['town-window', 'town-reviewer', 'town-leader', 'seal-keeper'] OR town IS NOT NULL),
        CONSTRAINT users_county_officer_has_unit CHECK (NOT 'county-officer' = ANY (roles) OR unit_code IS NOT NULL)
      )`);
    // Failed logins per login name, known or not, so that a lockout says nothing about which names exist.
    await queryRunner.query(`
      CREATE TABLE identity.login_failures (
        login_name      text PRIMARY KEY,
        failures        int NOT NULL CHECK (failures >= 1),
        first_failed_at timestamptz NOT NULL,
        locked_until    timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.login_failures`);
    await queryRunner.query(`DROP TABLE identity.users`);
  }
}
