import type { AuthUser, Role } from '@oneseal/auth';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person who works in OneSeal, with the roles and the one scope (county, town, village or bureau) they have. */
@Entity({ name: 'users' })
export class UserAccount {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'login_name', type: 'text' })
  loginName!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'char', length: 6 })
  county!: string;

  @Column({ type: 'char', length: 9, nullable: true })
  town!: string | null;

  @Column({ type: 'char', length: 12, nullable: true })
  village!: string | null;

  @Column({ name: 'unit_code', type: 'text', nullable: true })
  unitCode!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** The password was set by an administrator: the person sets their own at their next login. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** Carried by every token issued; raised to end every session of the person at once. */
  @Column({ name: 'session_version', type: 'int', default: 1 })
  sessionVersion!: number;
}

/** What the token says about the account. */
export function authUserOf(account: UserAccount): AuthUser {
  return {
    id: account.id,
    name: account.displayName,
    roles: account.roles,
    county: account.county,
    ...(account.town ? { town: account.town } : {}),
    ...(account.village ? { village: account.village } : {}),
    ...(account.unitCode ? { unitCode: account.unitCode } : {}),
    sessionVersion: account.sessionVersion,
  };
}
