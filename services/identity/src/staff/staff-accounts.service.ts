import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  COUNTY_GRANTABLE_ROLES,
  incompatibleRolesIn,
  ROLE_TITLES,
  scopeProblem,
  type AuthUser,
} from '@oneseal/auth';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '@oneseal/database';
import { UserProfileView } from '../login/dto/user-profile.view';
import { normalizeLoginName } from '../login/login.service';
import { LoginThrottle } from '../login/login-throttle';
import { hashPassword } from '../passwords/password-hash';
import { UserAccount } from '../users/user-account.entity';
import type { CreateStaffDto, StaffScopeDto } from './dto/staff.dto';
import { StaffError, StaffErrorCode } from './staff.errors';

export interface StaffAccountView extends UserProfileView {
  active: boolean;
}

const viewOf = (account: UserAccount): StaffAccountView => ({
  ...UserProfileView.of(account),
  active: account.active,
});

/**
 * The county administrator keeps the county's people: accounts, their roles and scope, and who may still log in.
 * Stopping a person, changing their roles or scope, or resetting their password raises the account's session
 * version: every token issued before stops working within seconds, on every service.
 */
@Injectable()
export class StaffAccountsService {
  private readonly logger = new Logger('StaffAccounts');

  constructor(
    @InjectRepository(UserAccount) private readonly users: Repository<UserAccount>,
    private readonly throttle: LoginThrottle,
  ) {}

  async list(admin: AuthUser): Promise<StaffAccountView[]> {
    const accounts = await this.users.find({ where: { county: admin.county }, order: { loginName: 'ASC' } });
    return accounts.filter(isCountyStaff).map(viewOf);
  }

  async create(admin: AuthUser, dto: CreateStaffDto): Promise<StaffAccountView> {
    const scope = scopeIn(admin.county, dto);
    const loginName = normalizeLoginName(dto.loginName);
    if (await this.users.existsBy({ loginName })) throw new StaffError(StaffErrorCode.LOGIN_TAKEN);
    const account = this.users.create({
      id: randomUUID(),
      loginName,
      displayName: dto.displayName,
      passwordHash: await hashPassword(dto.password),
      roles: scope.roles,
      county: admin.county,
      town: scope.town ?? null,
      village: scope.village ?? null,
      unitCode: scope.unitCode ?? null,
      active: true,
      mustChangePassword: true,
    });
    try {
      await this.users.insert(account);
    } catch (error) {
      // Two administrators taking one name at once: the unique index decides.
      if (isUniqueViolation(error)) throw new StaffError(StaffErrorCode.LOGIN_TAKEN);
      throw error;
    }
    this.logger.log(`account ${account.id} (${loginName}) created by ${admin.id}`);
    return viewOf(account);
  }

  async changeScope(admin: AuthUser, id: string, dto: StaffScopeDto): Promise<StaffAccountView> {
    const account = await this.ofCounty(admin, id);
    const scope = scopeIn(admin.county, dto);
    Object.assign(account, {
      roles: scope.roles,
      town: scope.town ?? null,
      village: scope.village ?? null,
      unitCode: scope.unitCode ?? null,
      sessionVersion: account.sessionVersion + 1,
    });
    await this.users.save(account);
    this.logger.log(`account ${id} given roles ${scope.roles.join(',')} by ${admin.id}`);
    return viewOf(account);
  }

  async setActive(admin: AuthUser, id: string, active: boolean): Promise<StaffAccountView> {
    const account = await this.ofCounty(admin, id);
    account.active = active;
    if (!active) account.sessionVersion += 1;
    await this.users.save(account);
    this.logger.log(`account ${id} ${active ? 'activated' : 'deactivated'} by ${admin.id}`);
    return viewOf(account);
  }

  async resetPassword(admin: AuthUser, id: string, password: string): Promise<StaffAccountView> {
    const account = await this.ofCounty(admin, id, { mayBeSelf: true });
    account.passwordHash = await hashPassword(password);
    // The administrator knows this one: it lets the person in once, to set their own.
    account.mustChangePassword = true;
    account.sessionVersion += 1;
    await this.users.save(account);
    // A reset is also how a locked-out person gets back in: their name may be tried again at once.
    await this.throttle.unlock(account.loginName);
    this.logger.log(`password of account ${id} reset by ${admin.id}`);
    return viewOf(account);
  }

  /** An account of the admin's own county; changing one's own roles or access is left to another administrator. */
  private async ofCounty(
    admin: AuthUser,
    id: string,
    options: { mayBeSelf?: boolean } = {},
  ): Promise<UserAccount> {
    const account = await this.users.findOneBy({ id, county: admin.county });
    if (!account || !isCountyStaff(account)) throw new StaffError(StaffErrorCode.NOT_FOUND);
    if (account.id === admin.id && !options.mayBeSelf) throw new StaffError(StaffErrorCode.NOT_YOURSELF);
    return account;
  }
}

/** The scope as the account will hold it, checked by the same rule the tokens are (scopeProblem). */
function scopeIn(county: string, dto: StaffScopeDto): StaffScopeDto {
  const scope = {
    roles: [...new Set(dto.roles)],
    county,
    ...(dto.town ? { town: dto.town } : {}),
    ...(dto.village ? { village: dto.village } : {}),
    ...(dto.unitCode ? { unitCode: dto.unitCode } : {}),
  };
  const clash = incompatibleRolesIn(scope.roles);
  if (clash)
    throw new StaffError(
      StaffErrorCode.ROLES_INCOMPATIBLE,
      { roles: clash },
      `${ROLE_TITLES[clash[0]]}与${ROLE_TITLES[clash[1]]}须由不同人员担任（审批分离），不能由同一账号兼任`,
    );
  const problem = scopeProblem(scope);
  if (problem) throw new StaffError(StaffErrorCode.SCOPE_INVALID, { problem });
  return scope;
}

/**
 * The county's own people. The platform's system administrator belongs to a county only because every account
 * does: that county's administrator may neither see nor reset, deactivate or re-role it.
 */
function isCountyStaff(account: Pick<UserAccount, 'roles'>): boolean {
  return account.roles.every((role) => (COUNTY_GRANTABLE_ROLES as readonly string[]).includes(role));
}
