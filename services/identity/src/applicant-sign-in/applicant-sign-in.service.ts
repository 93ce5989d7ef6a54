import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { issueApplicantToken } from '@oneseal/auth';
import { maskPersonalValue } from '@oneseal/contracts';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { SigningKeys } from '../signing/signing-keys';
import { SIGN_IN_RULES } from './sign-in-rules';
import { SIGN_IN_SMS, type SignInSms } from './sign-in-sms';
import { SignInError, SignInErrorCode } from './sign-in.errors';

export interface CodeSent {
  expiresAt: string;
  resendAfterSeconds: number;
}

export interface ApplicantSession {
  token: string;
  expiresAt: string;
  /** As the portal shows it: 139****1234. */
  phoneShown: string;
}

interface CodeRow {
  codeSha256: string | null;
  salt: string | null;
  issuedAt: Date;
  expiresAt: Date;
  wrongAttempts: number;
  hourStartedAt: Date;
  sentInHour: number;
  dayStartedAt: Date;
  sentInDay: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const digest = (salt: string, code: string) => createHash('sha256').update(`${salt}:${code}`).digest();

/**
 * 网上办事 sign-in for applicants: a six-digit code sent by SMS to the mobile number, exchanged for an applicant
 * token. A code that did not go out can never be used; it counts against the limits all the same.
 */
@Injectable()
export class ApplicantSignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SIGN_IN_SMS) private readonly sms: SignInSms,
    @Inject(SigningKeys) private readonly keys: SigningKeys,
  ) {}

  async sendCode(phone: string, source: string, now: Date = new Date()): Promise<CodeSent> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const expiresAt = new Date(now.getTime() + SIGN_IN_RULES.codeLifetimeSeconds * 1000);
    // Counted and stored first, in a short transaction; the SMS goes out after it committed, so a slow gateway holds
    // no lock and no connection, and a code that went out is always one that can be used.
    await this.dataSource.transaction(async (manager) => {
      // The number first, then the address, always in that order: a first request has no row to lock yet.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`sign-in:phone:${phone}`]);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`sign-in:source:${source}`]);
      const row = await this.lockedRow(manager, phone);
      if (row) {
        const resendAt = new Date(row.issuedAt.getTime() + SIGN_IN_RULES.resendAfterSeconds * 1000);
        if (resendAt > now) throw SignInError.waitUntil(SignInErrorCode.TOO_SOON, resendAt);
      }
      const hour = windowCount(
        row && { startedAt: row.hourStartedAt, sent: row.sentInHour },
        now,
        HOUR_MS,
        SIGN_IN_RULES.codesPerPhonePerHour,
      );
      const day = windowCount(
        row && { startedAt: row.dayStartedAt, sent: row.sentInDay },
        now,
        DAY_MS,
        SIGN_IN_RULES.codesPerPhonePerDay,
      );
      await this.countSource(manager, source, now);
      await manager.query(
        `INSERT INTO identity.applicant_sign_in_codes (phone, code_sha256, salt, issued_at, expires_at,
           wrong_attempts, hour_started_at, sent_in_hour, day_started_at, sent_in_day)
         VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $9)
         ON CONFLICT (phone) DO UPDATE SET code_sha256 = $2, salt = $3, issued_at = $4, expires_at = $5,
           wrong_attempts = 0, hour_started_at = $6, sent_in_hour = $7, day_started_at = $8, sent_in_day = $9`,
        [
          phone,
          digest(salt, code).toString('hex'),
          salt,
          now,
          expiresAt,
          hour.startedAt,
          hour.sent,
          day.startedAt,
          day.sent,
        ],
      );
    });
    try {
      await this.sms.send(phone, code);
    } catch (error) {
      // Not sent: the code can never be used, and the applicant may ask again at once (it still counts).
      await this.dataSource.query(
        `UPDATE identity.applicant_sign_in_codes
            SET code_sha256 = NULL, salt = NULL, issued_at = issued_at - make_interval(secs => $3)
          WHERE phone = $1 AND issued_at = $2`,
        [phone, now, SIGN_IN_RULES.resendAfterSeconds],
      );
      throw error;
    }
    return { expiresAt: expiresAt.toISOString(), resendAfterSeconds: SIGN_IN_RULES.resendAfterSeconds };
  }

  async signIn(phone: string, code: string, now: Date = new Date()): Promise<ApplicantSession> {
    // A wrong try is counted even though the request fails: the count commits, the error goes out after.
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockedRow(manager, phone);
      if (!row || !row.codeSha256 || !row.salt || row.expiresAt <= now)
        return new SignInError(SignInErrorCode.CODE_EXPIRED);
      if (row.wrongAttempts >= SIGN_IN_RULES.wrongAttemptsAllowed)
        return new SignInError(SignInErrorCode.CODE_USED_UP);
      const right = timingSafeEqual(digest(row.salt, code), Buffer.from(row.codeSha256, 'hex'));
      if (!right) {
        const wrong = row.wrongAttempts + 1;
        await manager.query(
          `UPDATE identity.applicant_sign_in_codes SET wrong_attempts = $2 WHERE phone = $1`,
          [phone, wrong],
        );
        const left = SIGN_IN_RULES.wrongAttemptsAllowed - wrong;
        return left > 0
          ? new SignInError(SignInErrorCode.CODE_WRONG, { attemptsLeft: left })
          : new SignInError(SignInErrorCode.CODE_USED_UP);
      }
      // Used once: the same code never signs in twice.
      await manager.query(
        `UPDATE identity.applicant_sign_in_codes SET code_sha256 = NULL, salt = NULL WHERE phone = $1`,
        [phone],
      );
      return undefined;
    });
    if (outcome) throw outcome;
    const issued = issueApplicantToken({ phone }, this.keys.privateKey, now);
    return {
      token: issued.token,
      expiresAt: issued.expiresAt.toISOString(),
      phoneShown: maskPersonalValue(phone),
    };
  }

  private async lockedRow(manager: EntityManager, phone: string): Promise<CodeRow | undefined> {
    const [row] = (await manager.query(
      `SELECT code_sha256 AS "codeSha256", salt, issued_at AS "issuedAt", expires_at AS "expiresAt",
              wrong_attempts AS "wrongAttempts", hour_started_at AS "hourStartedAt", sent_in_hour AS "sentInHour",
              day_started_at AS "dayStartedAt", sent_in_day AS "sentInDay"
         FROM identity.applicant_sign_in_codes WHERE phone = $1 FOR UPDATE`,
      [phone],
    )) as CodeRow[];
    return row;
  }

  /** One more code from this address this hour, or SIGN_IN.TOO_MANY_CODES (the address's lock is held). */
  private async countSource(manager: EntityManager, source: string, now: Date): Promise<void> {
    const [row] = (await manager.query(
      `SELECT hour_started_at AS "startedAt", sent_in_hour AS "sent"
         FROM identity.applicant_sign_in_sources WHERE source = $1`,
      [source],
    )) as { startedAt: Date; sent: number }[];
    const counted = windowCount(row, now, HOUR_MS, SIGN_IN_RULES.codesPerSourcePerHour);
    await manager.query(
      `INSERT INTO identity.applicant_sign_in_sources (source, hour_started_at, sent_in_hour) VALUES ($1, $2, $3)
       ON CONFLICT (source) DO UPDATE SET hour_started_at = $2, sent_in_hour = $3`,
      [source, counted.startedAt, counted.sent],
    );
  }
}

/** The window's count with one more code, a new window once the last began that long ago; refused past the limit. */
function windowCount(
  counted: { startedAt: Date; sent: number } | undefined,
  now: Date,
  windowMs: number,
  limit: number,
): { startedAt: Date; sent: number } {
  if (!counted || counted.startedAt.getTime() + windowMs <= now.getTime()) return { startedAt: now, sent: 1 };
  if (counted.sent >= limit)
    throw SignInError.waitUntil(
      SignInErrorCode.TOO_MANY_CODES,
      new Date(counted.startedAt.getTime() + windowMs),
    );
  return { startedAt: counted.startedAt, sent: counted.sent + 1 };
}
