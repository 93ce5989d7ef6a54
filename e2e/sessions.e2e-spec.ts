import { eventually } from '@oneseal/testing';
import { as, postJson, serviceUrl } from './system';

const identity = serviceUrl('identity');

/** A person of 泽州县 the administrator just created, logged in with their own password: their token. */
async function freshClerk(): Promise<{ id: string; token: string }> {
  const loginName = `e2e-session-${Date.now().toString(36)}`;
  const created = await as('zz-admin').post<{ id: string }>(`${identity}/staff`, {
    loginName,
    displayName: '会话测试审核人员',
    roles: ['town-reviewer'],
    town: '140525100',
    password: 'admin-set-password-2026',
  });
  expect(created.status).toBe(201);
  const own = await postJson<{ token: string }>(`${identity}/auth/password`, {
    loginName,
    currentPassword: 'admin-set-password-2026',
    newPassword: 'own-password-2026',
  });
  expect(own.status).toBe(200);
  return { id: created.body.id, token: own.body.token };
}

const inboxWith = (token: string) =>
  fetch(`${serviceUrl('approval')}/tasks/inbox`, { headers: { authorization: `Bearer ${token}` } });

describe('a stopped or re-roled person’s sessions end on every service within seconds', () => {
  it('stopping a reviewer ends their token on approval and routing, not only at identity', async () => {
    const clerk = await freshClerk();
    expect((await inboxWith(clerk.token)).status).toBe(200);
    const stopped = await as('zz-admin').post(`${identity}/staff/${clerk.id}/deactivation`, {});
    expect(stopped.status).toBe(200);
    const began = Date.now();
    const refused = await eventually(
      'approval refusing the stopped reviewer',
      async () => {
        const response = await inboxWith(clerk.token);
        return response.status === 401 ? ((await response.json()) as { code: string }) : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(refused.code).toBe('AUTH.SESSION_ENDED');
    // The services remember identity's answer for at most five seconds.
    expect(Date.now() - began).toBeLessThan(7_000);
    const routing = await fetch(`${serviceUrl('routing')}/cases`, {
      headers: { authorization: `Bearer ${clerk.token}` },
    });
    expect(routing.status).toBe(401);
  });

  it('giving a person other roles ends the token that names the old ones', async () => {
    const clerk = await freshClerk();
    expect((await inboxWith(clerk.token)).status).toBe(200);
    const rerole = await as('zz-admin').put(`${identity}/staff/${clerk.id}/roles`, {
      roles: ['auditor'],
    });
    expect(rerole.status).toBe(200);
    await eventually(
      'approval refusing the token of the old role',
      async () => ((await inboxWith(clerk.token)).status === 401 ? true : undefined),
      { timeoutMs: 15_000, intervalMs: 250 },
    );
  });
});
