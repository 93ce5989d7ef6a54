import { randomUUID } from 'node:crypto';
import { as, postJson, serviceUrl } from './system';

const identity = serviceUrl('identity');
const logIn = (loginName: string, password: string) =>
  postJson<{ token?: string; code?: string }>(`${identity}/auth/login`, { loginName, password });
const setOwnPassword = (loginName: string, currentPassword: string, newPassword: string) =>
  postJson<{ token?: string; code?: string }>(`${identity}/auth/password`, {
    loginName,
    currentPassword,
    newPassword,
  });

describe('the county administrator keeps people and roles', () => {
  it('creates a window clerk who can log in, stops and restores the login, and resets the password', async () => {
    const admin = as('zz-admin');
    const loginName = `e2e-window-${randomUUID().slice(0, 8)}`;
    const password = 'first-password-2026';
    const created = await admin.post<{ id: string; roles: string[]; town: string }>(`${identity}/staff`, {
      loginName,
      displayName: '下村镇窗口（测试）',
      roles: ['town-window'],
      town: '140525101',
      password,
    });
    expect(created).toEqual({
      status: 201,
      body: expect.objectContaining({ roles: ['town-window'], town: '140525101' }),
    });
    const { id } = created.body;

    // The administrator's password lets the clerk in once, to set their own; then they work, in their own town only.
    expect(await logIn(loginName, password)).toEqual({
      status: 403,
      body: expect.objectContaining({ code: 'AUTH.PASSWORD_CHANGE_REQUIRED' }),
    });
    const login = await setOwnPassword(loginName, password, 'own-password-2026');
    expect(login.status).toBe(200);
    const inbox = await fetch(`${serviceUrl('approval')}/tasks/inbox`, {
      headers: { authorization: `Bearer ${login.body.token ?? ''}` },
    });
    expect(inbox.status).toBe(200);

    // Refused: a second account of the name, a town role without a town, anyone but an administrator, another county.
    const again = await admin.post<{ code: string }>(`${identity}/staff`, {
      loginName,
      displayName: '重名',
      roles: ['town-window'],
      town: '140525101',
      password,
    });
    expect(again).toEqual({ status: 409, body: expect.objectContaining({ code: 'STAFF.LOGIN_TAKEN' }) });
    expect(
      (
        await admin.post<{ code: string }>(`${identity}/staff`, {
          loginName: `${loginName}-b`,
          displayName: '缺乡镇',
          roles: ['town-window'],
          password,
        })
      ).body.code,
    ).toBe('STAFF.SCOPE_INVALID');
    expect((await as('zz-town-window').get<{ code: string }>(`${identity}/staff`)).body.code).toBe(
      'AUTH.ROLE_NOT_ALLOWED',
    );
    expect(
      (await as('qs-admin').post<{ code: string }>(`${identity}/staff/${id}/deactivation`, {})).body.code,
    ).toBe('STAFF.NOT_FOUND');

    expect((await admin.post(`${identity}/staff/${id}/deactivation`, {})).status).toBe(200);
    expect((await logIn(loginName, 'own-password-2026')).body.code).toBe('AUTH.BAD_CREDENTIALS');
    expect((await admin.post(`${identity}/staff/${id}/activation`, {})).status).toBe(200);
    expect(
      (await admin.post(`${identity}/staff/${id}/password`, { password: 'second-password-2026' })).status,
    ).toBe(200);
    expect((await logIn(loginName, 'own-password-2026')).status).toBe(401);
    expect((await logIn(loginName, 'second-password-2026')).body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    expect((await setOwnPassword(loginName, 'second-password-2026', 'second-password-2026')).body.code).toBe(
      'AUTH.NEW_PASSWORD_SAME',
    );
    expect((await setOwnPassword(loginName, 'second-password-2026', 'another-own-2026')).status).toBe(200);
    expect((await logIn(loginName, 'another-own-2026')).status).toBe(200);
    const listed = await admin.get<{ loginName: string; active: boolean }[]>(`${identity}/staff`);
    expect(listed.body.find((account) => account.loginName === loginName)).toEqual(
      expect.objectContaining({ active: true }),
    );
    // Not left able to log in after the test.
    await admin.post(`${identity}/staff/${id}/deactivation`, {});
  });
});
