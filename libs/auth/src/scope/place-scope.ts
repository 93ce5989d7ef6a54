import { AuthError, AuthErrorCode } from '../auth-error';
import type { AuthUser } from '../auth-user';
import { isTownRole } from '../roles';

/** A county, or a town inside it: what a list, a ledger or a supervision query is about. */
export interface Place {
  county: string;
  town?: string;
}

/**
 * Whether the person's reach covers the place: county-wide roles (supervisor, auditor, admin, county officers)
 * the whole of their county, town roles and village agents only their own town, and never another county.
 */
export function reachesPlace(user: AuthUser, place: Place): boolean {
  if (user.county !== place.county) return false;
  const countyWide = user.roles.some((role) => !isTownRole(role) && role !== 'village-agent');
  if (countyWide) return true;
  return place.town !== undefined && place.town === user.town;
}

/** Refuses with 403 AUTH.OUT_OF_SCOPE, naming the place, when it is beyond the person's reach. */
export function assertReachesPlace(user: AuthUser, place: Place): void {
  if (!reachesPlace(user, place)) throw new AuthError(AuthErrorCode.OUT_OF_SCOPE, { ...place });
}
