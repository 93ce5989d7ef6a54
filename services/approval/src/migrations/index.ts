import { CreateReviewTasks1763800000200 } from './1763800000200-CreateReviewTasks';
import { TrackStepVisitsAndDecisions1763800000900 } from './1763800000900-TrackStepVisitsAndDecisions';
import { TaskDeadlinesClaimsAndCancellation1763801000200 } from './1763801000200-TaskDeadlinesClaimsAndCancellation';
import { PersonalInboxes1763804000100 } from './1763804000100-PersonalInboxes';
import { NameTheCaseOfEachTask1764900000300 } from './1764900000300-NameTheCaseOfEachTask';
import { AnnounceInboxChanges1765000000100 } from './1765000000100-AnnounceInboxChanges';
import { AnnounceMovedDueDates1765000000200 } from './1765000000200-AnnounceMovedDueDates';
import { ListEachTownsOpenTasksInOrder1766100000100 } from './1766100000100-ListEachTownsOpenTasksInOrder';
import { IndexMessagingByAge1766200000000 } from './1766200000000-IndexMessagingByAge';
import { FindEachCountysDecidedSteps1766300000200 } from './1766300000200-FindEachCountysDecidedSteps';

/** In the order they run. */
export const APPROVAL_MIGRATIONS = [
  CreateReviewTasks1763800000200,
  TrackStepVisitsAndDecisions1763800000900,
  TaskDeadlinesClaimsAndCancellation1763801000200,
  PersonalInboxes1763804000100,
  NameTheCaseOfEachTask1764900000300,
  AnnounceInboxChanges1765000000100,
  AnnounceMovedDueDates1765000000200,
  ListEachTownsOpenTasksInOrder1766100000100,
  IndexMessagingByAge1766200000000,
  FindEachCountysDecidedSteps1766300000200,
];
