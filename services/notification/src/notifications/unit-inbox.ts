import type { AuthUser, Role } from '@oneseal/auth';
import { countySupervision, townUnit, villageStation } from '@oneseal/domain';
import { assertUnreachable } from '@oneseal/errors';

/**
 * The unit inboxes a person reads: the station, desk or bureau their role works at, and for the county's
 * supervisors and administrators its 电子监察 inbox, where 督办 arrives. Auditors read the log, they are not told.
 */
export function inboxUnitsOf(user: AuthUser): string[] {
  return [...new Set(user.roles.flatMap((role) => unitsOfRole(user, role)))];
}

function unitsOfRole(user: AuthUser, role: Role): string[] {
  const inTown = (unit: (town: string) => string) => (user.town ? [unit(user.town)] : []);
  switch (role) {
    case 'village-agent':
      return user.village ? [villageStation(user.village)] : [];
    case 'town-window':
      return inTown(townUnit.window);
    case 'town-reviewer':
      return inTown(townUnit.review);
    case 'town-leader':
      return inTown(townUnit.approval);
    case 'seal-keeper':
      return inTown(townUnit.seal);
    case 'county-officer':
      return user.unitCode ? [user.unitCode] : [];
    case 'supervisor':
    case 'admin':
      return [countySupervision(user.county)];
    case 'auditor':
    case 'system-admin':
      return [];
    default:
      return assertUnreachable(role);
  }
}
