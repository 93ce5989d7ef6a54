import { parseEvent, type ApplicationSubmittedV1, type EventEnvelope } from '@oneseal/contracts';
import { processOnce, RecentlyUsed, type ProcessOutcome } from '@oneseal/database';
import { defaultSeedsDirectory, SeededPlaceNames } from '@oneseal/domain';
import type { DataSource, EntityManager } from 'typeorm';
import {
  contactFromSubmission,
  findApplicant,
  caseLock,
  saveApplicant,
  type ApplicantContact,
} from '../contacts/applicant-contact';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import {
  consumerOf,
  ruleForTopic,
  type NotificationRule,
  type PlannedMessage,
  type UnitNames,
} from './notification-rules';
import { awaitsDelivery, recordMessages, recordOnceWithMessages } from './message-rows';
import { parkEvent, parkedEventsOf, releaseParkedEvent } from './parked-events';

export const APPLICANT_CONSUMER = 'notification.applicant-contacts';

export interface PlannerLogger {
  warn(message: string): void;
}

export interface NotificationPlannerOptions {
  /**
   * Called after a transaction may have recorded a message to send (an SMS; an applicant's parked messages released):
   * the delivery poller need not wait for its next tick. A message to a unit's inbox is delivered as it is recorded.
   */
  onMessagesRecorded?: () => void;
  logger?: PlannerLogger;
  /** Desk names for staff texts; by default from the repository's reference data. */
  places?: UnitNames;
}

/**
 * Turns events into messages, each event at most once (the processed-events inbox) and each message at most
 * once per event and recipient (a unique constraint). Messages are only recorded here, as pending; the delivery
 * poller sends them.
 */
export class NotificationPlanner {
  private readonly places: UnitNames;
  /**
   * Applicants this process has seen recorded. A case's applicant never changes once recorded, and an event whose
   * applicant is known is never parked, so it needs neither the case lock nor a read: one statement records it.
   */
  private readonly applicants = new RecentlyUsed<ApplicantContact>(20_000);

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: NotificationPlannerOptions = {},
  ) {
    this.places = options.places ?? SeededPlaceNames.fromSeeds(defaultSeedsDirectory());
  }

  /** The messages an event causes, or, when they need an applicant we do not know yet, the event parked. */
  async handleEvent<TPayload extends { caseId: string }>(
    rule: NotificationRule<TPayload>,
    event: EventEnvelope<TPayload>,
  ): Promise<ProcessOutcome> {
    const caseId = event.payload.caseId;
    const known = this.applicants.get(caseId);
    // What was planned, once known: only an SMS among it needs the delivery poller.
    let planned: PlannedMessage[] = known ? this.plan(rule, event, known) : [];
    const outcome = known
      ? await recordOnceWithMessages(this.dataSource, consumerOf(rule), rule.contract.topic, event, planned)
      : await processOnce(
          this.dataSource,
          NOTIFICATION_SCHEMA,
          consumerOf(rule),
          { id: event.id, topic: rule.contract.topic },
          async (manager) => {
            const applicant = await findApplicant(manager, caseId);
            if (applicant) this.applicants.set(caseId, applicant);
            if (applicant || rule.audience === 'staff') {
              planned = this.plan(rule, event, applicant);
              await recordMessages(manager, event, planned);
            } else {
              await parkEvent(manager, caseId, rule.contract.topic, event);
            }
          },
          caseLock(caseId),
        );
    if (outcome === 'processed' && awaitsDelivery(planned)) this.options.onMessagesRecorded?.();
    return outcome;
  }

  /** A staff rule plans without the applicant when not known yet; an applicant rule is only asked with one. */
  private plan<TPayload extends { caseId: string }>(
    rule: NotificationRule<TPayload>,
    event: EventEnvelope<TPayload>,
    applicant: ApplicantContact | null,
  ): PlannedMessage[] {
    if (rule.audience === 'staff') return rule.plan(event, applicant, this.places);
    if (!applicant) throw new Error(`${rule.contract.type}: an applicant rule planned without the applicant`);
    return rule.plan(event, applicant);
  }

  /** Records the case's applicant and sends what was waiting for them. */
  async recordApplicant(
    event: EventEnvelope<ApplicationSubmittedV1>,
    topic: string,
  ): Promise<ProcessOutcome> {
    const contact = contactFromSubmission(event);
    let recorded: ApplicantContact | undefined;
    const outcome = await processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      APPLICANT_CONSUMER,
      { id: event.id, topic },
      async (manager) => {
        // A second submission event for the same case keeps the first contact: messages already went there.
        recorded = (await saveApplicant(manager, contact))
          ? contact
          : ((await findApplicant(manager, contact.caseId)) ?? contact);
        await this.releaseParked(manager, recorded);
      },
      caseLock(contact.caseId),
    );
    // Remembered once committed: until then, an event of the case must still take the lock and look.
    if (recorded) this.applicants.set(contact.caseId, recorded);
    if (outcome === 'processed') this.options.onMessagesRecorded?.();
    return outcome;
  }

  private async releaseParked(manager: EntityManager, applicant: ApplicantContact): Promise<void> {
    for (const parked of await parkedEventsOf(manager, applicant.caseId)) {
      const rule = ruleForTopic(parked.topic);
      if (!rule) {
        // Only a rule removed while its events were parked gets here; keep the event for a person to look at.
        this.options.logger?.warn(
          `parked event ${parked.eventId} on ${parked.topic} has no rule; left parked`,
        );
        continue;
      }
      const event = parseEvent(rule.contract, parked.envelope);
      await recordMessages(manager, event, this.plan(rule, event, applicant));
      await releaseParkedEvent(manager, parked.eventId);
    }
  }
}
