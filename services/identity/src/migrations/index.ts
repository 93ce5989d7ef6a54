import { CreateUsers1763803000700 } from './1763803000700-CreateUsers';
import { AskForOwnPasswordAfterReset1764900000500 } from './1764900000500-AskForOwnPasswordAfterReset';
import { AddSystemAdministrator1765200000500 } from './1765200000500-AddSystemAdministrator';
import { ThrottleBySourceAndEndSessions1765300000400 } from './1765300000400-ThrottleBySourceAndEndSessions';
import { SignApplicantsInBySms1765600000400 } from './1765600000400-SignApplicantsInBySms';

/** In the order they run. */
export const IDENTITY_MIGRATIONS = [
  CreateUsers1763803000700,
  AskForOwnPasswordAfterReset1764900000500,
  AddSystemAdministrator1765200000500,
  ThrottleBySourceAndEndSessions1765300000400,
  SignApplicantsInBySms1765600000400,
];
