import { CreateNotifications1763800000300 } from './1763800000300-CreateNotifications';
import { DeliverNotifications1763800000310 } from './1763800000310-DeliverNotifications';
import { KeepApplicantsQueryCode1764600000300 } from './1764600000300-KeepApplicantsQueryCode';
import { IndexUnitInboxes1764600000310 } from './1764600000310-IndexUnitInboxes';
import { SendSignInCodes1765600000300 } from './1765600000300-SendSignInCodes';
import { CancelReminders1765700000200 } from './1765700000200-CancelReminders';
import { RememberWhatWasRead1765800000300 } from './1765800000300-RememberWhatWasRead';
import { ReadThroughMarks1766100000300 } from './1766100000300-ReadThroughMarks';
import { IndexMessagingByAge1766200000000 } from './1766200000000-IndexMessagingByAge';
import { VacuumMessagesOften1766300000100 } from './1766300000100-VacuumMessagesOften';

/** In the order they run. */
export const NOTIFICATION_MIGRATIONS = [
  CreateNotifications1763800000300,
  DeliverNotifications1763800000310,
  KeepApplicantsQueryCode1764600000300,
  IndexUnitInboxes1764600000310,
  SendSignInCodes1765600000300,
  CancelReminders1765700000200,
  RememberWhatWasRead1765800000300,
  ReadThroughMarks1766100000300,
  IndexMessagingByAge1766200000000,
  VacuumMessagesOften1766300000100,
];
