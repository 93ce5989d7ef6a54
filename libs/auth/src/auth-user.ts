import { isRole, isTownRole, type Role } from './roles';

/** The person behind a request, as the token names them. */
export interface AuthUser {
  /** The identity service's user id. */
  id: string;
  /** Display name (Chinese), for the records of who did what. */
  name: string;
  roles: Role[];
  /** 6-digit county code; every account belongs to one county. */
  county: string;
  /** 9-digit town code, for town roles and village agents. */
  town?: string;
  /** 12-digit village code, for village agents. */
  village?: string;
  /** County bureau unit code (e.g. 140525-mz), for county officers. */
  unitCode?: string;
  /**
   * The account's session version when the token was issued: raised when the person is stopped, given other roles
   * or has the password reset, which ends every older token. Absent in tokens issued before it existed (version 1).
   */
  sessionVersion?: number;
}

const COUNTY = /^\d{6}$/;
const TOWN = /^\d{9}$/;
const VILLAGE = /^\d{12}$/;
const UNIT = /^\d{6}-[a-z][a-z0-9]*$/;

/**
 * Why an account's roles and scope do not fit together, or undefined when they do. A village agent needs a
 * village in their town, a town role a town in their county, a county officer a bureau of their county: without
 * that scope the rules of who sees what would have nothing to check against.
 */
export function scopeProblem(user: Omit<AuthUser, 'id' | 'name'>): string | undefined {
  if (user.roles.length === 0) return 'no roles';
  if (!user.roles.every(isRole)) return 'unknown role';
  if (!COUNTY.test(user.county)) return 'county must be 6 digits';
  if (user.town !== undefined && !(TOWN.test(user.town) && user.town.startsWith(user.county)))
    return 'town must be 9 digits inside the county';
  if (user.village !== undefined) {
    if (!(VILLAGE.test(user.village) && user.town !== undefined && user.village.startsWith(user.town)))
      return 'village must be 12 digits inside the town';
  }
  if (
    user.unitCode !== undefined &&
    !(UNIT.test(user.unitCode) && user.unitCode.startsWith(`${user.county}-`))
  )
    return 'unitCode must be a unit of the county (<county>-<slug>)';
  if (user.roles.includes('village-agent') && user.village === undefined)
    return 'a village agent needs a village';
  if (user.roles.some(isTownRole) && user.town === undefined) return 'a town role needs a town';
  if (user.roles.includes('county-officer') && user.unitCode === undefined)
    return 'a county officer needs a unit code';
  return undefined;
}
