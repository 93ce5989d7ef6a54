import { applicationSubmittedV1 } from './application-submitted/v1';
import { attachmentAddedV1 } from './attachment-added/v1';
import { personalDataViewedV1 } from './personal-data-viewed/v1';
import { appointmentBookedV1 } from './appointment-booked/v1';
import { appointmentCancelledV1 } from './appointment-cancelled/v1';
import { homeVisitRequestedV1 } from './home-visit-requested/v1';
import { homeVisitScheduledV1 } from './home-visit-scheduled/v1';
import { bureauRegisteredV1 } from './bureau-registered/v1';
import { caseAcceptedV1 } from './case-accepted/v1';
import { caseConcludedV1 } from './case-concluded/v1';
import { caseRefusedV1 } from './case-refused/v1';
import { caseRoutedV1 } from './case-routed/v1';
import { correctionRequestedV1 } from './correction-requested/v1';
import { deadlineWarningV1 } from './deadline-warning/v1';
import { documentStampedV1 } from './document-stamped/v1';
import { notificationSentV1 } from './notification-sent/v1';
import { reviewTaskOpenedV1 } from './review-task-opened/v1';
import { stepDecidedV1 } from './step-decided/v1';
import { correctionSuppliedV1 } from './correction-supplied/v1';
import { caseSuspendedV1 } from './case-suspended/v1';
import { caseResumedV1 } from './case-resumed/v1';
import { caseStalledV1 } from './case-stalled/v1';
import { caseUnstalledV1 } from './case-unstalled/v1';
import { deadlineExtendedV1 } from './deadline-extended/v1';
import { deadlineRecalculatedV1 } from './deadline-recalculated/v1';
import { resultDeliveredV1 } from './result-delivered/v1';
import { serviceRatedV1 } from './service-rated/v1';
import { ratingAnsweredV1 } from './rating-answered/v1';
import { ratingRevisitedV1 } from './rating-revisited/v1';
import { supervisionOrderedV1 } from './supervision-ordered/v1';
import { supervisionAnsweredV1 } from './supervision-answered/v1';
import { accountabilityRecordedV1 } from './accountability-recorded/v1';
import { sealRegisteredV1 } from './seal-registered/v1';
import { sealActivatedV1 } from './seal-activated/v1';
import { sealRetiredV1 } from './seal-retired/v1';
import { noticeIssuedV1 } from './notice-issued/v1';
import { producerOf, topicsOf, type EventContract, type ProducingService } from './event-contract';

/** Every event contract, for tooling that must know them all (topic creation, the audit log, docs). */
export const EVENT_CONTRACTS = [
  applicationSubmittedV1,
  attachmentAddedV1,
  personalDataViewedV1,
  appointmentBookedV1,
  appointmentCancelledV1,
  homeVisitRequestedV1,
  homeVisitScheduledV1,
  bureauRegisteredV1,
  caseRoutedV1,
  reviewTaskOpenedV1,
  caseAcceptedV1,
  caseRefusedV1,
  correctionRequestedV1,
  stepDecidedV1,
  deadlineWarningV1,
  caseConcludedV1,
  documentStampedV1,
  notificationSentV1,
  correctionSuppliedV1,
  caseSuspendedV1,
  caseResumedV1,
  caseStalledV1,
  caseUnstalledV1,
  deadlineExtendedV1,
  deadlineRecalculatedV1,
  resultDeliveredV1,
  serviceRatedV1,
  ratingAnsweredV1,
  ratingRevisitedV1,
  supervisionOrderedV1,
  supervisionAnsweredV1,
  accountabilityRecordedV1,
  sealRegisteredV1,
  sealActivatedV1,
  sealRetiredV1,
  noticeIssuedV1,
] as const;

export type AnyEventContract = (typeof EVENT_CONTRACTS)[number];

/** The contract a message on this topic is read by (former topics included). */
export function contractForTopic(topic: string): AnyEventContract | undefined {
  return EVENT_CONTRACTS.find((contract) => topicsOf(contract).includes(topic));
}

/** The contracts a service publishes: what its outbox may hold. */
export function contractsProducedBy(producer: ProducingService): EventContract<object>[] {
  return EVENT_CONTRACTS.filter((contract) => producerOf(contract) === producer);
}
