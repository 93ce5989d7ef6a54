import {
  caseAcceptedV1,
  caseConcludedV1,
  caseRefusedV1,
  caseSuspendedV1,
  correctionRequestedV1,
  deadlineExtendedV1,
  deadlineRecalculatedV1,
  deadlineWarningV1,
  documentStampedV1,
  resultDeliveredV1,
  reviewTaskOpenedV1,
  serviceRatedV1,
  ratingAnsweredV1,
  supervisionAnsweredV1,
  supervisionOrderedV1,
  topicsOf,
  type EventContract,
  type EventEnvelope,
} from '@oneseal/contracts';
import {
  countySupervision,
  DELIVERED_RESULTS,
  ratingReasonText,
  SERVICE_EVENT_TITLES,
  townUnit,
  villageOfStation,
} from '@oneseal/domain';
import type { ApplicantContact } from '../contacts/applicant-contact';
import type { Channel, RecipientKind } from './notification.entity';
import * as templates from './templates';
import type { RenderedMessage } from './templates';

/** One message to one recipient, decided from one event. */
export interface PlannedMessage {
  recipientKind: RecipientKind;
  /** The applicant's mobile number, or the unit code of a staff inbox. */
  recipient: string;
  channel: Channel;
  message: RenderedMessage;
}

interface RuleBase<TPayload extends { caseId: string }> {
  contract: EventContract<TPayload>;
}

/** Messages to the applicant: they wait for the applicant's contact if it is not known yet. */
export interface ApplicantRule<TPayload extends { caseId: string }> extends RuleBase<TPayload> {
  audience: 'applicant';
  plan(event: EventEnvelope<TPayload>, applicant: ApplicantContact): PlannedMessage[];
}

/** What staff texts call a desk instead of its code (SeededPlaceNames in the service). */
export interface UnitNames {
  unit(unitCode: string): string;
}

/** Messages to staff: they never wait; the receipt number is used when already known. */
export interface StaffRule<TPayload extends { caseId: string }> extends RuleBase<TPayload> {
  audience: 'staff';
  plan(
    event: EventEnvelope<TPayload>,
    applicant: ApplicantContact | null,
    places: UnitNames,
  ): PlannedMessage[];
}

export type NotificationRule<TPayload extends { caseId: string }> =
  | ApplicantRule<TPayload>
  | StaffRule<TPayload>;

/**
 * The name a rule's processed events are recorded under. It is the type the contract was first published with, so
 * an event redelivered after its contract moved to another producer is still recognised as processed.
 */
export const consumerOf = (rule: { contract: Pick<EventContract<object>, 'type' | 'formerly'> }) =>
  `notification.${rule.contract.formerly?.type ?? rule.contract.type}`;

const bySms = (applicant: ApplicantContact, message: RenderedMessage): PlannedMessage => ({
  recipientKind: 'applicant',
  recipient: applicant.phone,
  channel: 'sms',
  message,
});

const toUnitInbox = (unitCode: string, message: RenderedMessage): PlannedMessage => ({
  recipientKind: 'staff-unit',
  recipient: unitCode,
  channel: 'inbox',
  message,
});

/** Staff know a case by its receipt number; before the submission has reached us, by the start of its id. */
const caseRef = (caseId: string, applicant: ApplicantContact | null) =>
  applicant?.receiptNumber ?? caseId.slice(0, 8);

function applicantRule<TPayload extends { caseId: string }>(
  contract: EventContract<TPayload>,
  plan: ApplicantRule<TPayload>['plan'],
): ApplicantRule<TPayload> {
  return { contract, audience: 'applicant', plan };
}

function staffRule<TPayload extends { caseId: string }>(
  contract: EventContract<TPayload>,
  plan: StaffRule<TPayload>['plan'],
): StaffRule<TPayload> {
  return { contract, audience: 'staff', plan };
}

export const caseAcceptedRule = applicantRule(caseAcceptedV1, ({ payload }, applicant) => [
  bySms(
    applicant,
    templates.caseAccepted({
      matterName: applicant.matterName,
      receiptNumber: payload.receiptNumber,
      queryCode: applicant.progressQueryCode,
      committedDueDate: payload.committedDueDate,
      provisional: payload.dueDateProvisional,
    }),
  ),
]);

export const correctionRequestedRule = applicantRule(correctionRequestedV1, ({ payload }, applicant) => [
  bySms(
    applicant,
    templates.correctionRequested({
      receiptNumber: applicant.receiptNumber,
      missingMaterials: payload.missingMaterials,
      supplyBy: payload.supplyBy,
    }),
  ),
]);

export const caseRefusedRule = applicantRule(caseRefusedV1, ({ payload }, applicant) => [
  bySms(applicant, templates.caseRefused({ receiptNumber: applicant.receiptNumber, reason: payload.reason })),
]);

/**
 * A case that ended without a decision to hand over (撤件, 补正不来 …) is told so. Nothing for a refusal at 受理 (the
 * 不予受理 message said it) nor for a decision: that is 办结 for the applicant only once handed over, and the
 * result-ready and delivered messages tell them.
 */
export const caseConcludedRule = applicantRule(caseConcludedV1, ({ payload }, applicant) => {
  const result = payload.result;
  if (result === '退回' || DELIVERED_RESULTS.includes(result)) return [];
  return [
    bySms(
      applicant,
      templates.caseDecided({
        receiptNumber: applicant.receiptNumber,
        result: result as templates.EndingWithoutDelivery,
      }),
    ),
  ];
});

// Only the decision is a result to collect: notices (受理, 补正 …) have their own messages, the 送达回证 ends it.
export const documentStampedRule = applicantRule(documentStampedV1, ({ payload }, applicant) =>
  payload.kind === undefined || payload.kind === 'decision'
    ? [
        bySms(
          applicant,
          templates.resultReady({
            receiptNumber: applicant.receiptNumber,
            deliveryMethod: applicant.deliveryMethod,
            verificationCode: payload.verificationCode,
          }),
        ),
      ]
    : [],
);

export const deadlineExtendedRule = applicantRule(deadlineExtendedV1, ({ payload }, applicant) => [
  bySms(
    applicant,
    templates.caseExtended({
      receiptNumber: applicant.receiptNumber,
      extraWorkingDays: payload.extraWorkingDays,
      committedDueDate: payload.committedDueDate,
      provisional: payload.dueDateProvisional,
    }),
  ),
]);

/** Only a committed date that moved is news to the applicant; a step's date or a firmed-up mark is the staff's. */
export const deadlineRecalculatedRule = applicantRule(deadlineRecalculatedV1, ({ payload }, applicant) =>
  payload.committedDueDate && payload.committedDueDate !== payload.previousDueDate
    ? [
        bySms(
          applicant,
          templates.caseRescheduled({
            receiptNumber: applicant.receiptNumber,
            committedDueDate: payload.committedDueDate,
            provisional: payload.dueDateProvisional,
          }),
        ),
      ]
    : [],
);

export const caseSuspendedRule = applicantRule(caseSuspendedV1, ({ payload }, applicant) => [
  bySms(
    applicant,
    templates.caseSuspended({
      receiptNumber: applicant.receiptNumber,
      procedure: payload.procedure,
      ...(payload.expectedWorkingDays ? { expectedWorkingDays: payload.expectedWorkingDays } : {}),
    }),
  ),
]);

export const resultDeliveredRule = applicantRule(resultDeliveredV1, ({ payload }, applicant) => [
  bySms(
    applicant,
    templates.resultDelivered({
      receiptNumber: applicant.receiptNumber,
      method: payload.method,
      ...(payload.carrier ? { carrier: payload.carrier, trackingNumber: payload.trackingNumber } : {}),
    }),
  ),
]);

export const ratingAnsweredRule = applicantRule(ratingAnsweredV1, (_event, applicant) => [
  bySms(applicant, templates.ratingAnswered({ receiptNumber: applicant.receiptNumber })),
]);

export const reviewTaskOpenedRule = staffRule(reviewTaskOpenedV1, ({ payload }, applicant) => [
  toUnitInbox(
    payload.unitCode,
    templates.taskOpened({
      caseRef: payload.receiptNumber ?? caseRef(payload.caseId, applicant),
      matterName: payload.matterName ?? applicant?.matterName,
      stepName: payload.stepName,
    }),
  ),
]);

const DEADLINE_TEMPLATES = {
  yellow: templates.deadlineYellow,
  red: templates.deadlineRed,
  statutory: templates.deadlineStatutory,
} as const;

export const deadlineWarningRule = staffRule(
  deadlineWarningV1,
  ({ payload, county, town }, applicant, places) => {
    const deadline = {
      caseRef: caseRef(payload.caseId, applicant),
      stepName: payload.scope === 'step' ? payload.stepName : undefined,
      dueDate: payload.dueDate,
    };
    const told = toUnitInbox(payload.unitCode, DEADLINE_TEMPLATES[payload.severity](deadline));
    if (payload.severity === 'yellow') return [told];
    const severity = payload.severity;
    return [
      told,
      ...overseersOf(payload.unitCode, severity, county, town).map((overseer) =>
        toUnitInbox(
          overseer,
          templates.escalation({ ...deadline, severity, lateUnit: places.unit(payload.unitCode) }),
        ),
      ),
    ];
  },
);

const DISSATISFIED = { 1: '非常不满意', 2: '不满意' } as const;

/** A 差评 goes to the town's leader, who follows it up; other ratings tell nobody anything. */
export const serviceRatedRule = staffRule(serviceRatedV1, ({ payload, town }, applicant) => {
  if (payload.score > 2 || !town) return [];
  return [
    toUnitInbox(
      townUnit.approval(town),
      templates.dissatisfiedRating({
        caseRef: caseRef(payload.caseId, applicant),
        matterName: applicant?.matterName ?? '',
        ...(payload.serviceEvent && payload.serviceEvent !== 'case'
          ? { serviceEventText: SERVICE_EVENT_TITLES[payload.serviceEvent] }
          : {}),
        scoreText: DISSATISFIED[payload.score as 1 | 2],
        reason: ratingReasonText(payload.categories ?? [], payload.comment),
        ...(payload.rectifyBy ? { rectifyBy: payload.rectifyBy } : {}),
      }),
    ),
  ];
});

/**
 * A supervisor's 督办 or 催办: the unit holding the case, and whoever answers for it — the town's leader for a town
 * desk or village station, the bureau itself for a county bureau.
 */
export const supervisionOrderedRule = staffRule(
  supervisionOrderedV1,
  ({ payload, town }, applicant, places) => {
    const countyBureau = !/^\d{9}/.test(payload.unitCode);
    const answerer = countyBureau || !town ? payload.unitCode : townUnit.approval(town);
    const message = templates.supervisionOrdered({
      kind: payload.kind,
      caseRef: caseRef(payload.caseId, applicant),
      matterName: applicant?.matterName ?? '',
      where: places.unit(payload.unitCode),
      requirement: payload.requirement,
      answerBy: payload.answerBy,
    });
    return [...new Set([payload.unitCode, answerer])].map((unit) => toUnitInbox(unit, message));
  },
);

/** The answer to a 督办 goes back to the county's 电子监察, who gave it. */
export const supervisionAnsweredRule = staffRule(
  supervisionAnsweredV1,
  ({ payload, county, actor }, applicant) => [
    toUnitInbox(
      countySupervision(county),
      templates.supervisionAnswered({
        kind: payload.kind ?? '督办',
        caseRef: caseRef(payload.caseId, applicant),
        matterName: applicant?.matterName ?? '',
        who: actor.name ?? '承办单位',
        answer: payload.answer,
      }),
    ),
  ],
);

/**
 * Who is told when work runs late (督办): past the committed date, the town's leader for a town or village unit
 * and the county's 电子监察 for a county bureau or the leader's own desk; past the statutory limit, the county's
 * 电子监察 as well.
 */
export function overseersOf(
  lateUnit: string,
  severity: 'red' | 'statutory',
  county: string,
  town: string | undefined,
): string[] {
  // The leader's own late decision goes over their head, to the county.
  const inTown =
    town !== undefined &&
    (lateUnit.startsWith(`${town}-`) || villageOfStation(lateUnit)?.startsWith(town) === true);
  const leader = inTown ? townUnit.approval(town) : undefined;
  const townOverseer = leader !== lateUnit ? leader : undefined;
  return [
    ...(townOverseer ? [townOverseer] : []),
    ...(severity === 'statutory' || !townOverseer ? [countySupervision(county)] : []),
  ];
}

/**
 * Every event that tells someone something, by topic. Method parameters are bivariant in TypeScript, so rules of
 * different payloads share one list; each is only ever called with an event parsed by its own contract.
 */
export const NOTIFICATION_RULES: readonly NotificationRule<{ caseId: string }>[] = [
  caseAcceptedRule,
  correctionRequestedRule,
  caseRefusedRule,
  caseConcludedRule,
  documentStampedRule,
  deadlineExtendedRule,
  deadlineRecalculatedRule,
  caseSuspendedRule,
  resultDeliveredRule,
  reviewTaskOpenedRule,
  deadlineWarningRule,
  serviceRatedRule,
  ratingAnsweredRule,
  supervisionOrderedRule,
  supervisionAnsweredRule,
];

/** The rule for a message's topic; a former topic name finds the same rule (events parked under it included). */
export function ruleForTopic(topic: string): NotificationRule<{ caseId: string }> | undefined {
  return NOTIFICATION_RULES.find((rule) => topicsOf(rule.contract).includes(topic));
}
