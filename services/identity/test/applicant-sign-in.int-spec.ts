import { generateKeyPairSync } from 'node:crypto';
import { verifyApplicantToken } from '@oneseal/auth';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { ApplicantSignInService } from '../src/applicant-sign-in/applicant-sign-in.service';
import { SIGN_IN_RULES } from '../src/applicant-sign-in/sign-in-rules';
import type { SignInSms } from '../src/applicant-sign-in/sign-in-sms';
import { SignInError, SignInErrorCode } from '../src/applicant-sign-in/sign-in.errors';
import { IDENTITY_SCHEMA } from '../src/config/identity.env';
import { SigningKeys } from '../src/signing/signing-keys';
import { UserAccount } from '../src/users/user-account.entity';

/** The phone's inbox: what was "sent", or a gateway that is down. */
class Phones implements SignInSms {
  readonly sent = new Map<string, string>();
  down = false;
  async send(phone: string, code: string): Promise<void> {
    if (this.down) throw new SignInError(SignInErrorCode.SMS_NOT_SENT);
    this.sent.set(phone, code);
  }
}

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'done',
    (error: unknown) => (error instanceof SignInError ? error.code : String(error)),
  );

describe('applicants signing in by SMS code (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let service: ApplicantSignInService;
  const phones = new Phones();
  const keys = new SigningKeys(generateKeyPairSync('ed25519').privateKey);
  const start = new Date('2026-12-05T02:00:00Z');

  beforeAll(async () => {
    suite = await openSuiteDataSource('identity_sign_in', {
      schema: IDENTITY_SCHEMA,
      entities: [UserAccount],
    });
    service = new ApplicantSignInService(suite.dataSource, phones, keys);
  });
  afterAll(() => suite?.close());

  it('signs in once with the code sent, within five minutes, as the number the code went to', async () => {
    const phone = '13900000001';
    await service.sendCode(phone, '10.0.0.1', start);
    const code = phones.sent.get(phone) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const session = await service.signIn(phone, code, at(start, 60));
    expect(verifyApplicantToken(session.token, keys.publicKey, at(start, 60))).toEqual({ phone });
    expect(session.phoneShown).toBe('139****0001');
    expect(await codeOf(service.signIn(phone, code, at(start, 61)))).toBe(SignInErrorCode.CODE_EXPIRED);

    await service.sendCode(phone, '10.0.0.1', at(start, 120));
    const late = at(start, 120 + SIGN_IN_RULES.codeLifetimeSeconds);
    expect(await codeOf(service.signIn(phone, phones.sent.get(phone) ?? '', late))).toBe(
      SignInErrorCode.CODE_EXPIRED,
    );
  });

  it('burns a code after five wrong tries, the right one included after them', async () => {
    const phone = '13900000002';
    await service.sendCode(phone, '10.0.0.2', start);
    const code = phones.sent.get(phone) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt < SIGN_IN_RULES.wrongAttemptsAllowed; attempt += 1)
      expect(await codeOf(service.signIn(phone, wrong, at(start, attempt)))).toBe(SignInErrorCode.CODE_WRONG);
    expect(await codeOf(service.signIn(phone, wrong, at(start, 10)))).toBe(SignInErrorCode.CODE_USED_UP);
    expect(await codeOf(service.signIn(phone, code, at(start, 11)))).toBe(SignInErrorCode.CODE_USED_UP);
  });

  it('sends a number one code a minute and five an hour, an address twenty an hour', async () => {
    const phone = '13900000003';
    await service.sendCode(phone, '10.0.0.3', start);
    expect(await codeOf(service.sendCode(phone, '10.0.0.3', at(start, 30)))).toBe(SignInErrorCode.TOO_SOON);
    for (let minute = 1; minute < SIGN_IN_RULES.codesPerPhonePerHour; minute += 1)
      await service.sendCode(phone, '10.0.0.3', at(start, minute * 61));
    expect(await codeOf(service.sendCode(phone, '10.0.0.3', at(start, 10 * 60)))).toBe(
      SignInErrorCode.TOO_MANY_CODES,
    );
    await service.sendCode(phone, '10.0.0.3', at(start, 3601));

    // One address (a village station's) for many numbers.
    // The new hour began at 3601 with the one code above: nineteen more fill it.
    for (let n = 0; n < SIGN_IN_RULES.codesPerSourcePerHour - 1; n += 1)
      await service.sendCode(`1380000${String(n).padStart(4, '0')}`, '10.0.0.3', at(start, 3602));
    expect(await codeOf(service.sendCode('13811112222', '10.0.0.3', at(start, 3603)))).toBe(
      SignInErrorCode.TOO_MANY_CODES,
    );
    expect(await codeOf(service.sendCode('13811112222', '10.0.0.4', at(start, 3603)))).toBe('done');
  });

  it('never lets a code that did not go out sign in, and lets the applicant ask again at once', async () => {
    const phone = '13900000004';
    phones.down = true;
    expect(await codeOf(service.sendCode(phone, '10.0.0.5', start))).toBe(SignInErrorCode.SMS_NOT_SENT);
    const [row] = (await suite.dataSource.query(
      `SELECT code_sha256 FROM identity.applicant_sign_in_codes WHERE phone = $1`,
      [phone],
    )) as { code_sha256: string | null }[];
    expect(row.code_sha256).toBeNull();
    phones.down = false;
    await service.sendCode(phone, '10.0.0.5', at(start, 1));
    expect(await codeOf(service.signIn(phone, phones.sent.get(phone) ?? '', at(start, 2)))).toBe('done');
  });

  it('sends a fresh number one code however many ask at once', async () => {
    const phone = '13900000005';
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, n) => codeOf(service.sendCode(phone, `10.0.1.${n}`, start))),
    );
    expect(outcomes.filter((outcome) => outcome === 'done')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === SignInErrorCode.TOO_SOON)).toHaveLength(7);
  });

  it('sends a number at most ten codes a day, however the hours fall', async () => {
    const phone = '13900000006';
    for (let n = 0; n < SIGN_IN_RULES.codesPerPhonePerDay; n += 1)
      await service.sendCode(phone, `10.0.2.${n}`, at(start, n * 3700));
    expect(await codeOf(service.sendCode(phone, '10.0.2.99', at(start, 10 * 3700)))).toBe(
      SignInErrorCode.TOO_MANY_CODES,
    );
    expect(await codeOf(service.sendCode(phone, '10.0.2.99', at(start, 24 * 3600 + 1)))).toBe('done');
  });
});
