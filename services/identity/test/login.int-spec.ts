import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyToken } from '@oneseal/auth';
import { configureServiceApp } from '@oneseal/service-kit';
import { createSuiteDatabase, engineEndpoints, type SuiteDatabase } from '@oneseal/testing';
import { DataSource } from 'typeorm';
import { IdentityModule } from '../src/app.module';
import { loadIdentityEnv } from '../src/config/identity.env';
import { DEMO_PASSWORD } from '../src/demo-users/demo-user-plan';
import { seedDemoUsers } from '../src/demo-users/demo-user-seeder';
import { SigningKeys } from '../src/signing/signing-keys';
import { plannedDemoUsers } from './support/seeds';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describe('logging in (identity over HTTP, real PostgreSQL)', () => {
  let database: SuiteDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let keyFolder: string;
  const keys = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    database = await createSuiteDatabase('identity_login');
    keyFolder = mkdtempSync(join(tmpdir(), 'identity-login-'));
    const keyFile = join(keyFolder, 'token-signing.key');
    writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    // The env the service validates at boot, the key file included.
    const env = loadIdentityEnv({
      HTTP_PORT: '3107',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: engineEndpoints().kafkaBrokers.join(','),
      LOG_LEVEL: 'warn',
      AUTH_PRIVATE_KEY_FILE: keyFile,
      // No sign-in code is sent here (applicant-sign-in.int-spec.ts and e2e/my-cases cover it).
      NOTIFICATION_URL: 'http://127.0.0.1:3105',
    });
    const moduleRef = await Test.createTestingModule({ imports: [IdentityModule.forEnv(env)] }).compile();
    app = moduleRef.createNestApplication();
    configureServiceApp(app);
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    const wanted = new Set([
      'zz-town-window',
      'zz-county-mz',
      'qs-auditor',
      'qs-admin',
      'qs-town-window',
      'qs-supervisor',
    ]);
    await seedDemoUsers(
      app.get(DataSource),
      plannedDemoUsers().filter((user) => wanted.has(user.loginName)),
      DEMO_PASSWORD,
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(keyFolder, { recursive: true, force: true });
  });

  async function call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    options: { body?: unknown; token?: string; from?: string } = {},
  ): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        // The console says whom it forwards; the test stands in for it (a peer on the host is believed).
        ...(options.from ? { 'x-forwarded-for': options.from } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }
  const logIn = (loginName: string, password: string) =>
    call('POST', '/auth/login', { body: { loginName, password } });

  it('gives a token that names the person, their role and scope, verifiable with the public key', async () => {
    const { status, body } = await logIn('ZZ-County-MZ ', DEMO_PASSWORD);
    expect(status).toBe(200);
    expect(body).toEqual(
      expect.objectContaining({
        tokenType: 'Bearer',
        user: expect.objectContaining({
          loginName: 'zz-county-mz',
          name: '泽州县民政局审批人员（演示）',
          roles: ['county-officer'],
          roleTitles: ['县直部门审批人员'],
          county: '140525',
          unitCode: '140525-mz',
        }),
      }),
    );
    const token = body.token as string;
    const served = await fetch(`${baseUrl}/auth/public-key`);
    expect(served.status).toBe(200);
    const pem = await served.text();
    expect(pem).toContain('BEGIN PUBLIC KEY');
    expect(verifyToken(token, createPublicKey(pem))).toEqual(
      expect.objectContaining({ roles: ['county-officer'], county: '140525', unitCode: '140525-mz' }),
    );
    expect(new Date(body.expiresAt as string).getTime() - Date.now()).toBeGreaterThan(7.9 * 3600_000);

    const me = await call('GET', '/auth/me', { token });
    expect(me).toEqual({
      status: 200,
      body: expect.objectContaining({ loginName: 'zz-county-mz', unitCode: '140525-mz' }),
    });
  });

  it('answers a wrong password and an unknown name alike: 401 AUTH.BAD_CREDENTIALS', async () => {
    const wrong = await logIn('zz-town-window', 'guess');
    const unknown = await logIn('nobody-here', 'guess');
    expect(wrong).toEqual({
      status: 401,
      body: { code: 'AUTH.BAD_CREDENTIALS', message: '用户名或密码错误' },
    });
    expect(unknown).toEqual(wrong);
  });

  it('does not let a disabled account in', async () => {
    await app
      .get(DataSource)
      .query(`UPDATE identity.users SET active = false WHERE login_name = 'qs-auditor'`);
    expect((await logIn('qs-auditor', DEMO_PASSWORD)).body.code).toBe('AUTH.BAD_CREDENTIALS');
  });

  it('lets a person in with an administrator’s password only to set their own, then logs them in', async () => {
    const dataSource = app.get(DataSource);
    await dataSource.query(
      `UPDATE identity.users SET must_change_password = true WHERE login_name = 'zz-town-window'`,
    );
    const setOwn = (currentPassword: string, newPassword: string) =>
      call('POST', '/auth/password', { body: { loginName: 'zz-town-window', currentPassword, newPassword } });
    expect(await logIn('zz-town-window', DEMO_PASSWORD)).toEqual({
      status: 403,
      body: {
        code: 'AUTH.PASSWORD_CHANGE_REQUIRED',
        message: '当前密码由管理员设置，请先设置您自己的新密码再登录',
      },
    });
    expect((await setOwn('guess', 'my-own-password-1')).body.code).toBe('AUTH.BAD_CREDENTIALS');
    expect((await setOwn(DEMO_PASSWORD, DEMO_PASSWORD)).body.code).toBe('AUTH.NEW_PASSWORD_SAME');
    expect((await setOwn(DEMO_PASSWORD, 'short')).status).toBe(400);
    const changed = await setOwn(DEMO_PASSWORD, 'my-own-password-1');
    expect(changed.status).toBe(200);
    expect(verifyToken(String(changed.body.token), createPublicKey(keys.privateKey))).toEqual(
      expect.objectContaining({ name: expect.any(String) }),
    );
    expect((await logIn('zz-town-window', 'my-own-password-1')).status).toBe(200);
    expect((await logIn('zz-town-window', DEMO_PASSWORD)).status).toBe(401);
    // Back as the other tests expect it.
    await setOwn('my-own-password-1', DEMO_PASSWORD);
  });

  it('locks a login name after five failures, known or not, even for the right password', async () => {
    for (const name of ['zz-county-mz', 'no-such-person']) {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await logIn(name, `wrong-${attempt}`)).status).toBe(401);
      }
      const locked = await logIn(name, DEMO_PASSWORD);
      expect(locked).toEqual({
        status: 429,
        body: {
          code: 'AUTH.TOO_MANY_ATTEMPTS',
          message: '登录失败次数过多，请 15 分钟后再试',
          details: { retryAfter: expect.any(String) },
        },
      });
    }
  });

  it('checks only five of a hundred parallel guesses from one address: the rest are refused before any hash runs', async () => {
    const from = '10.20.0.1';
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        call('POST', '/auth/login', { body: { loginName: 'qs-supervisor', password: `guess-${n}` }, from }),
      ),
    );
    const statuses = burst.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(95);
    // Locked for this address, even with the right password; the person at another address is not locked out.
    const right = { loginName: 'qs-supervisor', password: DEMO_PASSWORD };
    const refused = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify(right),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await call('POST', '/auth/login', { body: right, from: '10.20.0.2' })).status).toBe(200);
  });

  it('never holds up an address for its successful logins (a service hall logs everyone in through one address)', async () => {
    for (let n = 0; n < 60; n += 1) {
      const answer = await call('POST', '/auth/login', {
        body: { loginName: 'qs-admin', password: DEMO_PASSWORD },
        from: '10.40.0.1',
      });
      expect(answer.status).toBe(200);
    }
  });

  it('an administrator’s reset lifts the lock, and stopping, re-roling or resetting a person ends their sessions at once', async () => {
    const admin = (await logIn('qs-admin', DEMO_PASSWORD)).body.token as string;
    const window = (await logIn('qs-town-window', DEMO_PASSWORD)).body;
    const token = window.token as string;
    const id = (window.user as { id: string }).id;
    expect((await call('GET', '/auth/session', { token })).status).toBe(204);

    // Locked from four addresses (five wrong passwords each): the name is locked everywhere.
    for (const from of ['10.30.0.1', '10.30.0.2', '10.30.0.3', '10.30.0.4']) {
      for (let n = 0; n < 5; n += 1) {
        await call('POST', '/auth/login', {
          body: { loginName: 'qs-town-window', password: `x-${n}` },
          from,
        });
      }
    }
    const everywhere = await call('POST', '/auth/login', {
      body: { loginName: 'qs-town-window', password: DEMO_PASSWORD },
      from: '10.30.0.9',
    });
    expect(everywhere.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');

    const reset = await call('POST', `/staff/${id}/password`, {
      token: admin,
      body: { password: 'one-time-pass-2026' },
    });
    expect(reset.status).toBe(200);
    // The old token is over, and the person may log in again at once (to set their own password).
    expect(await call('GET', '/auth/session', { token })).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'AUTH.SESSION_ENDED' }),
    });
    const again = await call('POST', '/auth/login', {
      body: { loginName: 'qs-town-window', password: 'one-time-pass-2026' },
      from: '10.30.0.1',
    });
    expect(again.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    const own = await call('POST', '/auth/password', {
      body: {
        loginName: 'qs-town-window',
        currentPassword: 'one-time-pass-2026',
        newPassword: DEMO_PASSWORD,
      },
    });
    expect(own.status).toBe(200);
    const fresh = own.body.token as string;
    expect((await call('GET', '/auth/me', { token: fresh })).status).toBe(200);

    // Given other roles: the token naming the old ones stops working.
    const rerole = await call('PUT', `/staff/${id}/roles`, {
      token: admin,
      body: { roles: ['town-reviewer'], town: '140521100' },
    });
    expect(rerole.status).toBe(200);
    expect((await call('GET', '/auth/me', { token: fresh })).body.code).toBe('AUTH.SESSION_ENDED');
    const reviewer = (await logIn('qs-town-window', DEMO_PASSWORD)).body.token as string;
    expect((await call('GET', '/auth/me', { token: reviewer })).status).toBe(200);

    // Stopped: every token of the person ends.
    expect((await call('POST', `/staff/${id}/deactivation`, { token: admin })).status).toBeLessThan(300);
    expect((await call('GET', '/auth/me', { token: reviewer })).body.code).toBe('AUTH.SESSION_ENDED');
  });

  it('wants a token for /auth/me and refuses a malformed login request', async () => {
    expect(await call('GET', '/auth/me')).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'AUTH.TOKEN_MISSING' }),
    });
    const invalid = await call('POST', '/auth/login', { body: { loginName: 'zz-town-window' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('REQUEST.INVALID');
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
  });

  it('signs with the key from AUTH_PRIVATE_KEY_FILE (tokens check against its public half)', () => {
    expect(app.get(SigningKeys).publicKeyPem).toBe(
      createPublicKey(keys.privateKey).export({ type: 'spki', format: 'pem' }),
    );
  });
});
