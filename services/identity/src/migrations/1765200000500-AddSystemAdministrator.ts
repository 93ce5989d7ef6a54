import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform's system administrator keeps what every county shares (the national holiday calendar). The role is
 * granted by whoever runs the platform (the seed), never by a county's administrator.
 */
export class AddSystemAdministrator1765200000500 implements MigrationInterface {
  name = 'AddSystemAdministrator1765200000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE identity.users DROP CONSTRAINT users_roles_check`);
    await queryRunner.query(`
      ALTER TABLE identity.users ADD CONSTRAINT users_roles_check CHECK (
        cardinality(roles) > 0 AND
        roles <@ ARRAY['village-agent', 'town-window', 'town-reviewer', 'town-leader', 'county-officer', 'seal-keeper',
                       'supervisor', 'auditor', 'admin', 'system-admin'])`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE identity.users DROP CONSTRAINT users_roles_check`);
    await queryRunner.query(`
      ALTER TABLE identity.users ADD CONSTRAINT users_roles_check CHECK (
        cardinality(roles) > 0 AND
        roles <@ ARRAY['village-agent', 'town-window', 'town-reviewer', 'town-leader', 'county-officer', 'seal-keeper',
                       'supervisor', 'auditor', 'admin'])`);
  }
}
