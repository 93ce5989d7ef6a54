/**
 * Every Kafka topic OneSeal uses, in one place. The version is part of the name: a breaking change to an
 * event is a new topic, so old and new consumers can run side by side during a rollout.
 */
export const TOPICS = {
  applicationSubmittedV1: 'oneseal.intake.application-submitted.v1',
  attachmentAddedV1: 'oneseal.intake.attachment-added.v1',
  personalDataViewedV1: 'oneseal.intake.personal-data-viewed.v1',
  bureauRegisteredV1: 'oneseal.intake.bureau-registered.v1',
  appointmentBookedV1: 'oneseal.intake.appointment-booked.v1',
  appointmentCancelledV1: 'oneseal.intake.appointment-cancelled.v1',
  homeVisitRequestedV1: 'oneseal.intake.home-visit-requested.v1',
  homeVisitScheduledV1: 'oneseal.intake.home-visit-scheduled.v1',
  caseRoutedV1: 'oneseal.routing.case-routed.v1',
  reviewTaskOpenedV1: 'oneseal.approval.review-task-opened.v1',
  caseAcceptedV1: 'oneseal.routing.case-accepted.v1',
  caseRefusedV1: 'oneseal.routing.case-refused.v1',
  correctionRequestedV1: 'oneseal.routing.correction-requested.v1',
  stepDecidedV1: 'oneseal.approval.step-decided.v1',
  deadlineWarningV1: 'oneseal.routing.deadline-warning.v1',
  caseConcludedV1: 'oneseal.routing.case-concluded.v1',
  documentStampedV1: 'oneseal.seal.document-stamped.v1',
  notificationSentV1: 'oneseal.notification.notification-sent.v1',
  correctionSuppliedV1: 'oneseal.routing.correction-supplied.v1',
  caseSuspendedV1: 'oneseal.routing.case-suspended.v1',
  caseResumedV1: 'oneseal.routing.case-resumed.v1',
  caseStalledV1: 'oneseal.routing.case-stalled.v1',
  caseUnstalledV1: 'oneseal.routing.case-unstalled.v1',
  deadlineExtendedV1: 'oneseal.routing.deadline-extended.v1',
  deadlineRecalculatedV1: 'oneseal.routing.deadline-recalculated.v1',
  resultDeliveredV1: 'oneseal.routing.result-delivered.v1',
  serviceRatedV1: 'oneseal.routing.service-rated.v1',
  ratingAnsweredV1: 'oneseal.routing.rating-answered.v1',
  ratingRevisitedV1: 'oneseal.routing.rating-revisited.v1',
  supervisionOrderedV1: 'oneseal.routing.supervision-ordered.v1',
  supervisionAnsweredV1: 'oneseal.routing.supervision-answered.v1',
  accountabilityRecordedV1: 'oneseal.routing.accountability-recorded.v1',
  sealRegisteredV1: 'oneseal.seal.seal-registered.v1',
  sealActivatedV1: 'oneseal.seal.seal-activated.v1',
  sealRetiredV1: 'oneseal.seal.seal-retired.v1',
  noticeIssuedV1: 'oneseal.seal.notice-issued.v1',
  deadLetterV1: 'oneseal.dead-letter.v1',
} as const;

export type TopicKey = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[TopicKey];

export const ALL_TOPICS: readonly TopicName[] = Object.values(TOPICS);

/**
 * Names topics had before their events moved to the service that emits them. Consumers keep reading these too
 * until what was published there before an upgrade has been consumed; producers never write to them.
 */
export const FORMER_TOPICS = {
  caseAcceptedV1: 'oneseal.approval.case-accepted.v1',
  caseRefusedV1: 'oneseal.approval.case-refused.v1',
  correctionRequestedV1: 'oneseal.approval.correction-requested.v1',
} as const satisfies Partial<Record<TopicKey, string>>;
