import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { IDENTITY_SCHEMA } from '../src/config/identity.env';
import { DEMO_PASSWORD } from '../src/demo-users/demo-user-plan';
import { seedDemoUsers } from '../src/demo-users/demo-user-seeder';
import { verifyPassword } from '../src/passwords/password-hash';
import { UserAccount } from '../src/users/user-account.entity';
import { plannedDemoUsers } from './support/seeds';

describe('seeding the demo accounts (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  const planned = plannedDemoUsers();

  beforeAll(async () => {
    suite = await openSuiteDataSource('identity_seed', { schema: IDENTITY_SCHEMA, entities: [UserAccount] });
  });
  afterAll(() => suite?.close());

  const snapshot = () =>
    suite.dataSource.query(`SELECT * FROM identity.users ORDER BY login_name`) as Promise<
      Record<string, unknown>[]
    >;

  it('creates every planned account once; a second run changes nothing at all', async () => {
    const first = await seedDemoUsers(suite.dataSource, planned, DEMO_PASSWORD);
    expect(first.created).toHaveLength(planned.length);
    const before = await snapshot();

    const second = await seedDemoUsers(suite.dataSource, planned, DEMO_PASSWORD);
    expect(second).toEqual({ created: [], updated: [], unchanged: planned.map((user) => user.loginName) });
    // Same ids, same password hashes (not re-salted), same updated_at.
    expect(await snapshot()).toEqual(before);

    const window = await suite.dataSource
      .getRepository(UserAccount)
      .findOneByOrFail({ loginName: 'zz-town-window' });
    expect(window).toEqual(
      expect.objectContaining({
        roles: ['town-window'],
        county: '140525',
        town: '140525100',
        village: null,
        active: true,
      }),
    );
    await expect(verifyPassword(DEMO_PASSWORD, window.passwordHash)).resolves.toBe(true);
  });

  it('corrects an account that drifted from the plan but keeps its password and its disabled state', async () => {
    await seedDemoUsers(suite.dataSource, planned, DEMO_PASSWORD);
    await suite.dataSource.query(
      `UPDATE identity.users SET display_name = '改过的名字', active = false WHERE login_name = 'qs-auditor'`,
    );
    const [{ password_hash: hashBefore }] = (await suite.dataSource.query(
      `SELECT password_hash FROM identity.users WHERE login_name = 'qs-auditor'`,
    )) as { password_hash: string }[];

    const summary = await seedDemoUsers(suite.dataSource, planned, 'another-password');
    expect(summary.updated).toEqual(['qs-auditor']);
    const [row] = (await suite.dataSource.query(
      `SELECT display_name, active, password_hash FROM identity.users WHERE login_name = 'qs-auditor'`,
    )) as { display_name: string; active: boolean; password_hash: string }[];
    expect(row).toEqual({ display_name: '沁水县审计（演示）', active: false, password_hash: hashBefore });
  });

  it('refuses an account whose role lacks the scope it needs', async () => {
    await expect(
      suite.dataSource.query(
        `INSERT INTO identity.users (id, login_name, display_name, password_hash, roles, county)
         VALUES (gen_random_uuid(), 'no-town', '某', 'scrypt:x', ARRAY['town-window'], '140525')`,
      ),
    ).rejects.toThrow('users_town_role_has_town');
  });
});
