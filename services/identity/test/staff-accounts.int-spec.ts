import type { AuthUser } from '@oneseal/auth';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { IDENTITY_SCHEMA } from '../src/config/identity.env';
import { verifyPassword } from '../src/passwords/password-hash';
import { LoginThrottle } from '../src/login/login-throttle';
import { StaffAccountsService } from '../src/staff/staff-accounts.service';
import { UserAccount } from '../src/users/user-account.entity';

const admin: AuthUser = {
  id: '00000000-0000-4000-8000-00000000aa01',
  name: '泽州县管理员',
  roles: ['admin'],
  county: '140525',
};
const otherAdmin: AuthUser = { ...admin, id: '00000000-0000-4000-8000-00000000aa02', county: '140521' };

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

describe('the county administrator keeps the county’s accounts (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let staff: StaffAccountsService;
  const stored = (loginName: string) =>
    suite.dataSource.getRepository(UserAccount).findOneByOrFail({ loginName });

  beforeAll(async () => {
    suite = await openSuiteDataSource('identity_staff', { schema: IDENTITY_SCHEMA, entities: [UserAccount] });
    staff = new StaffAccountsService(
      suite.dataSource.getRepository(UserAccount),
      new LoginThrottle(suite.dataSource),
    );
  });
  afterAll(() => suite?.close());

  it('creates an account with the scope its role needs, in the admin’s county, password hashed', async () => {
    const created = await staff.create(admin, {
      loginName: ' Xiacun-Window ',
      displayName: '下村镇窗口李四',
      roles: ['town-window'],
      town: '140525101',
      password: 'xiacun-window-2026',
    });
    expect(created).toEqual(
      expect.objectContaining({
        loginName: 'xiacun-window',
        county: '140525',
        town: '140525101',
        active: true,
      }),
    );
    const account = await stored('xiacun-window');
    expect(account.passwordHash).not.toContain('xiacun-window-2026');
    expect(await verifyPassword('xiacun-window-2026', account.passwordHash)).toBe(true);
    expect(
      await refusal(
        staff.create(admin, {
          loginName: 'xiacun-window',
          displayName: '重名',
          roles: ['auditor'],
          password: 'x'.repeat(12),
        }),
      ),
    ).toBe('STAFF.LOGIN_TAKEN');
  });

  it('refuses a role without its scope, or a scope outside the county, and stores nothing', async () => {
    const attempt = (fields: Partial<Parameters<StaffAccountsService['create']>[1]>) =>
      refusal(
        staff.create(admin, {
          loginName: 'scope-test',
          displayName: '测试',
          roles: ['town-window'],
          password: 'x'.repeat(12),
          ...fields,
        }),
      );
    expect(await attempt({})).toBe('STAFF.SCOPE_INVALID');
    expect(await attempt({ town: '140521100' })).toBe('STAFF.SCOPE_INVALID');
    expect(await attempt({ roles: ['county-officer'] })).toBe('STAFF.SCOPE_INVALID');
    expect(await attempt({ roles: ['village-agent'], town: '140525100', village: '140525101201' })).toBe(
      'STAFF.SCOPE_INVALID',
    );
    expect(await suite.dataSource.getRepository(UserAccount).existsBy({ loginName: 'scope-test' })).toBe(
      false,
    );
  });

  it('keeps apart the roles whose steps must be different people’s (审核 and 决定, 决定 and 监印)', async () => {
    const attempt = (roles: Parameters<StaffAccountsService['create']>[1]['roles']) =>
      staff.create(admin, {
        loginName: 'duties-test',
        displayName: '兼岗测试',
        roles,
        town: '140525101',
        password: 'x'.repeat(12),
      });
    await expect(attempt(['town-reviewer', 'town-leader'])).rejects.toMatchObject({
      code: 'STAFF.ROLES_INCOMPATIBLE',
      message:
        '镇便民服务中心审核人员与镇分管领导（审批决定）须由不同人员担任（审批分离），不能由同一账号兼任',
    });
    await expect(attempt(['town-leader', 'seal-keeper'])).rejects.toMatchObject({
      code: 'STAFF.ROLES_INCOMPATIBLE',
    });
    const { id } = await stored('xiacun-window');
    await expect(
      staff.changeScope(admin, id, { roles: ['town-reviewer', 'town-leader'], town: '140525101' }),
    ).rejects.toMatchObject({ code: 'STAFF.ROLES_INCOMPATIBLE' });
    expect((await stored('xiacun-window')).roles).not.toContain('town-leader');
    expect(await suite.dataSource.getRepository(UserAccount).existsBy({ loginName: 'duties-test' })).toBe(
      false,
    );
  });

  it('changes roles, stops and restores logins, resets passwords — only in its own county, never its own access', async () => {
    const { id } = await stored('xiacun-window');
    expect(
      await staff.changeScope(admin, id, { roles: ['town-window', 'town-reviewer'], town: '140525101' }),
    ).toEqual(expect.objectContaining({ roles: ['town-window', 'town-reviewer'] }));
    expect((await staff.setActive(admin, id, false)).active).toBe(false);
    expect((await stored('xiacun-window')).active).toBe(false);
    expect((await staff.setActive(admin, id, true)).active).toBe(true);
    await staff.resetPassword(admin, id, 'a-new-password-2026');
    expect(await verifyPassword('a-new-password-2026', (await stored('xiacun-window')).passwordHash)).toBe(
      true,
    );

    expect(await refusal(staff.setActive(otherAdmin, id, false))).toBe('STAFF.NOT_FOUND');
    expect((await staff.list(otherAdmin)).map((a) => a.loginName)).not.toContain('xiacun-window');
    await suite.dataSource.getRepository(UserAccount).insert({
      id: admin.id,
      loginName: 'zz-admin-self',
      displayName: admin.name,
      passwordHash: (await stored('xiacun-window')).passwordHash,
      roles: ['admin'],
      county: '140525',
      town: null,
      village: null,
      unitCode: null,
      active: true,
    });
    expect(await refusal(staff.setActive(admin, admin.id, false))).toBe('STAFF.NOT_YOURSELF');
    expect(await refusal(staff.changeScope(admin, admin.id, { roles: ['auditor'] }))).toBe(
      'STAFF.NOT_YOURSELF',
    );
  });

  it('leaves the platform’s system administrator out of reach of the county it is filed under', async () => {
    const root = {
      id: '00000000-0000-4000-8000-00000000aa09',
      loginName: 'system-admin-here',
      displayName: '平台系统管理员',
      passwordHash: (await stored('xiacun-window')).passwordHash,
      roles: ['system-admin' as const],
      county: '140525',
      town: null,
      village: null,
      unitCode: null,
      active: true,
    };
    await suite.dataSource.getRepository(UserAccount).insert(root);
    expect((await staff.list(admin)).map((a) => a.loginName)).not.toContain('system-admin-here');
    expect(await refusal(staff.resetPassword(admin, root.id, 'taken-over-2026'))).toBe('STAFF.NOT_FOUND');
    expect(await refusal(staff.setActive(admin, root.id, false))).toBe('STAFF.NOT_FOUND');
    expect(await refusal(staff.changeScope(admin, root.id, { roles: ['auditor'] }))).toBe('STAFF.NOT_FOUND');
    expect(await verifyPassword('taken-over-2026', (await stored('system-admin-here')).passwordHash)).toBe(
      false,
    );
  });
});
