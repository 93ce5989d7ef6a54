import 'reflect-metadata';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { generateKeyPairSync } from 'node:crypto';
import type { AuthUser } from '../auth-user';
import { issueApplicantToken, issueServiceToken, type Applicant } from '../tokens/party-tokens';
import { issueToken } from '../tokens/tokens';
import { ApplicantOnly, Public, Roles, ServiceOnly } from './auth-metadata';
import { AuthModule } from './auth.module';
import { CurrentApplicant, CurrentUser } from './current-user';
import { SESSION_CHECK, type SessionCheck } from './session-check';
import { CodedErrorFilter } from '@oneseal/errors';

@Controller()
class SampleController {
  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return user;
  }

  @Roles('supervisor', 'auditor')
  @Get('watch')
  watch() {
    return { watching: true };
  }

  @ApplicantOnly()
  @Get('my')
  my(@CurrentApplicant() applicant: Applicant) {
    return applicant;
  }

  @ServiceOnly({ from: 'identity', to: 'notification' })
  @Get('internal')
  internal() {
    return { internal: true };
  }
}

const keys = generateKeyPairSync('ed25519');
const window: AuthUser = {
  id: 'w1',
  name: '王窗口',
  roles: ['town-window'],
  county: '140525',
  town: '140525100',
};
const supervisor: AuthUser = { id: 's1', name: '赵监察', roles: ['supervisor'], county: '140525' };

/** The sessions identity has ended, by user id (identity's own check reads its accounts table). */
class EndedSessions implements SessionCheck {
  readonly ended = new Set<string>();
  async isCurrent(_token: string, user: AuthUser): Promise<boolean> {
    return !this.ended.has(user.id);
  }
}
const sessions = new EndedSessions();

describe('AuthModule: the guard on every route (Nest over HTTP)', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forPublicKey(keys.publicKey, { provide: SESSION_CHECK, useValue: sessions })],
      controllers: [SampleController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    // As every service installs it (createServiceApp): errors answer as { code, message }.
    app.useGlobalFilters(new CodedErrorFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app?.close());

  const call = async (path: string, authorization?: string) => {
    const response = await fetch(`${base}${path}`, { headers: authorization ? { authorization } : {} });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const bearer = (user: AuthUser) => `Bearer ${issueToken(user, keys.privateKey).token}`;

  it('lets @Public() routes answer without a token', async () => {
    expect(await call('/open')).toEqual({ status: 200, body: { open: true } });
  });

  it('answers 401 AUTH.TOKEN_MISSING in Chinese without a token', async () => {
    const { status, body } = await call('/me');
    expect(status).toBe(401);
    expect(body).toEqual({ code: 'AUTH.TOKEN_MISSING', message: expect.stringContaining('请先登录') });
  });

  it('answers 401 AUTH.TOKEN_INVALID for a malformed header or a token of another key', async () => {
    expect((await call('/me', 'Basic d2luZG93OnB3')).body.code).toBe('AUTH.TOKEN_INVALID');
    const other = generateKeyPairSync('ed25519');
    const foreign = `Bearer ${issueToken(window, other.privateKey).token}`;
    expect(await call('/me', foreign)).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'AUTH.TOKEN_INVALID', message: '登录凭证无效，请重新登录' }),
    });
  });

  it('answers 401 AUTH.TOKEN_EXPIRED for yesterday’s token', async () => {
    const stale = issueToken(window, keys.privateKey, { now: new Date(Date.now() - 9 * 3600_000) });
    expect((await call('/me', `Bearer ${stale.token}`)).body.code).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('hands the verified user to @CurrentUser()', async () => {
    expect(await call('/me', bearer(window))).toEqual({ status: 200, body: window });
  });

  it('answers 403 AUTH.ROLE_NOT_ALLOWED when @Roles() names none of the caller’s roles', async () => {
    expect(await call('/watch', bearer(window))).toEqual({
      status: 403,
      body: {
        code: 'AUTH.ROLE_NOT_ALLOWED',
        message: '您的岗位无权进行此项操作',
        details: { requiredRoles: ['supervisor', 'auditor'] },
      },
    });
    expect(await call('/watch', bearer(supervisor))).toEqual({ status: 200, body: { watching: true } });
  });

  it('answers 401 AUTH.SESSION_ENDED for a valid token whose session identity has ended', async () => {
    const mine = bearer({ ...supervisor, id: 's2' });
    expect((await call('/watch', mine)).status).toBe(200);
    sessions.ended.add('s2');
    expect(await call('/watch', mine)).toEqual({
      status: 401,
      body: { code: 'AUTH.SESSION_ENDED', message: expect.stringContaining('请重新登录') },
    });
  });

  it('lets an applicant, and only an applicant, call an @ApplicantOnly() route, with their mobile number', async () => {
    const applicant = `Bearer ${issueApplicantToken({ phone: '13903561234' }, keys.privateKey).token}`;
    expect(await call('/my', applicant)).toEqual({ status: 200, body: { phone: '13903561234' } });
    // A staff token is no applicant's, and an applicant's opens no staff route.
    expect((await call('/my', bearer(window))).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await call('/me', applicant)).body.code).toBe('AUTH.TOKEN_INVALID');
    const stale = issueApplicantToken(
      { phone: '13903561234' },
      keys.privateKey,
      new Date(Date.now() - 3 * 3600_000),
    );
    expect((await call('/my', `Bearer ${stale.token}`)).body.code).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('lets only the named service, with a token minted for this one, call a @ServiceOnly() route', async () => {
    const minted = (service: string, audience: string) =>
      `Bearer ${issueServiceToken({ service, audience }, keys.privateKey).token}`;
    expect(await call('/internal', minted('identity', 'notification'))).toEqual({
      status: 200,
      body: { internal: true },
    });
    expect((await call('/internal', minted('routing', 'notification'))).status).toBe(401);
    expect((await call('/internal', minted('identity', 'seal'))).status).toBe(401);
    expect((await call('/internal', bearer(supervisor))).body.code).toBe('AUTH.TOKEN_INVALID');
    const applicant = `Bearer ${issueApplicantToken({ phone: '13903561234' }, keys.privateKey).token}`;
    expect((await call('/internal', applicant)).body.code).toBe('AUTH.TOKEN_INVALID');
    // Minted for one call: a few minutes later it opens nothing.
    const old = issueServiceToken(
      { service: 'identity', audience: 'notification' },
      keys.privateKey,
      new Date(Date.now() - 180_000),
    );
    expect((await call('/internal', `Bearer ${old.token}`)).body.code).toBe('AUTH.TOKEN_EXPIRED');
  });
});
