import { CreateRoutedCases1763800000100 } from './1763800000100-CreateRoutedCases';
import { AddRouteToRoutedCases1763800000800 } from './1763800000800-AddRouteToRoutedCases';
import { TrackCaseProgress1763801000100 } from './1763801000100-TrackCaseProgress';
import { ApplicantProgressAndRatings1764600000100 } from './1764600000100-ApplicantProgressAndRatings';
import { AnswerDissatisfiedRatings1764600000200 } from './1764600000200-AnswerDissatisfiedRatings';
import { FindCasesByWhatAClerkKnows1764900000200 } from './1764900000200-FindCasesByWhatAClerkKnows';
import { KeepTheMatterType1764900000600 } from './1764900000600-KeepTheMatterType';
import { CountyWorkingDays1765300000100 } from './1765300000100-CountyWorkingDays';
import { RateLimitPublicRoutes1765300000500 } from './1765300000500-RateLimitPublicRoutes';

import { FlagStalledCases1765400000100 } from './1765400000100-FlagStalledCases';
import { CountEachTownsDays1765500000100 } from './1765500000100-CountEachTownsDays';
import { IndexNameCharacters1765600000100 } from './1765600000100-IndexNameCharacters';
import { IndexCasesByStage1765600000200 } from './1765600000200-IndexCasesByStage';
import { CloseTheRatingLoop1765700000100 } from './1765700000100-CloseTheRatingLoop';
import { KeepSupervisionOrders1765800000100 } from './1765800000100-KeepSupervisionOrders';
import { AssessTowns1765800000200 } from './1765800000200-AssessTowns';
import { RecordAccountability1765800000300 } from './1765800000300-RecordAccountability';
import { KeepAssessmentBulletins1765900000100 } from './1765900000100-KeepAssessmentBulletins';
import { VersionTheCalendar1766000000100 } from './1766000000100-VersionTheCalendar';
import { ListEachTownsEndedCases1766000000200 } from './1766000000200-ListEachTownsEndedCases';
import { FindEachTownsCasesByDayFiled1766000000300 } from './1766000000300-FindEachTownsCasesByDayFiled';
import { KeepCalendarRecalculations1766000000400 } from './1766000000400-KeepCalendarRecalculations';
import { IndexMessagingByAge1766200000000 } from './1766200000000-IndexMessagingByAge';
import { CountEachTownsCasesByDayFiledFromTheIndex1766300000000 } from './1766300000000-CountEachTownsCasesByDayFiledFromTheIndex';
import { VacuumCasesOften1766300000100 } from './1766300000100-VacuumCasesOften';
/** In the order they run. */
export const ROUTING_MIGRATIONS = [
  CreateRoutedCases1763800000100,
  AddRouteToRoutedCases1763800000800,
  TrackCaseProgress1763801000100,
  ApplicantProgressAndRatings1764600000100,
  AnswerDissatisfiedRatings1764600000200,
  FindCasesByWhatAClerkKnows1764900000200,
  KeepTheMatterType1764900000600,
  CountyWorkingDays1765300000100,
  RateLimitPublicRoutes1765300000500,
  FlagStalledCases1765400000100,
  CountEachTownsDays1765500000100,
  IndexNameCharacters1765600000100,
  IndexCasesByStage1765600000200,
  CloseTheRatingLoop1765700000100,
  KeepSupervisionOrders1765800000100,
  AssessTowns1765800000200,
  RecordAccountability1765800000300,
  KeepAssessmentBulletins1765900000100,
  VersionTheCalendar1766000000100,
  ListEachTownsEndedCases1766000000200,
  FindEachTownsCasesByDayFiled1766000000300,
  KeepCalendarRecalculations1766000000400,
  IndexMessagingByAge1766200000000,
  CountEachTownsCasesByDayFiledFromTheIndex1766300000000,
  VacuumCasesOften1766300000100,
];
