import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { issueToken } from '@oneseal/auth';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { hashPassword, verifyPassword } from '../passwords/password-hash';
import { SigningKeys } from '../signing/signing-keys';
import { authUserOf, UserAccount } from '../users/user-account.entity';
import { LoginResponse, UserProfileView } from './dto/user-profile.view';
import { LoginError, LoginErrorCode } from './login.errors';
import { LoginThrottle } from './login-throttle';

export const normalizeLoginName = (loginName: string): string => loginName.trim().toLowerCase();

@Injectable()
export class LoginService {
  private readonly logger = new Logger('Login');
  /** Checked when the name is unknown, so that an unknown name takes as long to refuse as a wrong password. */
  private decoyHash?: Promise<string>;

  constructor(
    @InjectRepository(UserAccount) private readonly users: Repository<UserAccount>,
    private readonly throttle: LoginThrottle,
    @Inject(SigningKeys) private readonly keys: SigningKeys,
  ) {}

  async login(loginName: string, password: string, source: string): Promise<LoginResponse> {
    const account = await this.checkedAccount(loginName, password, source);
    if (account.mustChangePassword) throw new LoginError(LoginErrorCode.PASSWORD_CHANGE_REQUIRED);
    return this.session(account);
  }

  /**
   * The person sets their own password, proving the current one (an administrator's one-time password, or their own):
   * then they are logged in. Checked and throttled as a login is.
   */
  async changePassword(
    loginName: string,
    currentPassword: string,
    newPassword: string,
    source: string,
  ): Promise<LoginResponse> {
    const account = await this.checkedAccount(loginName, currentPassword, source);
    if (newPassword === currentPassword) throw new LoginError(LoginErrorCode.NEW_PASSWORD_SAME);
    account.passwordHash = await hashPassword(newPassword);
    account.mustChangePassword = false;
    await this.users.save(account);
    this.logger.log(`user ${account.id} (${account.loginName}) set a new password`);
    return this.session(account);
  }

  /** The account the name and password open: one answer for an unknown name, a wrong password and a stopped login. */
  private async checkedAccount(loginName: string, password: string, source: string): Promise<UserAccount> {
    const name = normalizeLoginName(loginName);
    // Counted before the hash runs: parallel guesses beyond the limit are refused without being checked.
    const attempt = await this.throttle.reserve(name, source);
    if (!attempt.allowed) throw LoginError.tooManyAttempts(attempt.lockedUntil ?? new Date());

    const account = await this.users.findOneBy({ loginName: name });
    this.decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const matches = await verifyPassword(password, account?.passwordHash ?? (await this.decoyHash));
    if (!account || !account.active || !matches) throw new LoginError(LoginErrorCode.BAD_CREDENTIALS);
    await this.throttle.succeeded(name, source);
    return account;
  }

  private session(account: UserAccount): LoginResponse {
    const { token, expiresAt } = issueToken(authUserOf(account), this.keys.privateKey);
    this.logger.log(`user ${account.id} (${account.loginName}) logged in`);
    return {
      token: token,
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      user: UserProfileView.of(account),
    };
  }

  /** The caller's account as it is now (a token outlives a change of roles by at most its lifetime). */
  async profile(userId: string): Promise<UserProfileView> {
    const account = await this.users.findOneBy({ id: userId });
    if (!account || !account.active) throw new LoginError(LoginErrorCode.ACCOUNT_GONE);
    return UserProfileView.of(account);
  }
}
