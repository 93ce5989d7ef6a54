import { randomUUID } from 'node:crypto';
import { parseEvent, type ApplicationSubmittedV1, type EventEnvelope } from '@oneseal/contracts';
import { processOnce, type ProcessOutcome } from '@oneseal/database';
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
import { parkEvent, parkedEventsOf, releaseParkedEvent } from './parked-events';

export const APPLICANT_CONSUMER = 'notification.applicant-contacts';

export interface PlannerLogger {
  warn(message: string): void;
}

export interface NotificationPlannerOptions {
  /** Called after a transaction recorded new messages: the delivery poller need not wait for its next tick. */
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
    const outcome = await processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      consumerOf(rule),
      { id: event.id, topic: rule.contract.topic },
      async (manager) => {
        const applicant = await findApplicant(manager, caseId);
        if (rule.audience === 'staff') {
          await recordMessages(manager, event, rule.plan(event, applicant, this.places));
        } else if (applicant) {
          await recordMessages(manager, event, rule.plan(event, applicant));
        } else {
          await parkEvent(manager, caseId, rule.contract.topic, event);
        }
      },
      caseLock(caseId),
    );
    if (outcome === 'processed') this.options.onMessagesRecorded?.();
    return outcome;
  }

  /** Records the case's applicant and sends what was waiting for them. */
  async recordApplicant(
    event: EventEnvelope<ApplicationSubmittedV1>,
    topic: string,
  ): Promise<ProcessOutcome> {
    const contact = contactFromSubmission(event);
    const outcome = await processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      APPLICANT_CONSUMER,
      { id: event.id, topic },
      async (manager) => {
        // A second submission event for the same case keeps the first contact: messages already went there.
        await saveApplicant(manager, contact);
        const applicant = (await findApplicant(manager, contact.caseId)) ?? contact;
        await this.releaseParked(manager, applicant);
      },
      caseLock(contact.caseId),
    );
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
      await recordMessages(manager, event, rule.plan(event, applicant, this.places));
      await releaseParkedEvent(manager, parked.eventId);
    }
  }
}

async function recordMessages(
  manager: EntityManager,
  event: EventEnvelope<{ caseId: string }>,
  messages: readonly PlannedMessage[],
): Promise<void> {
  for (const planned of messages) {
    // The unique (event, recipient) constraint is the last word: a concurrent consumer that got past the inbox
    // with the same event inserts nothing.
    await manager.query(
      `INSERT INTO notification.notifications
         (id, case_id, recipient_kind, recipient, channel, template, template_params, body, source_event_id,
          county, town, correlation_id, status, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', 0, now(), clock_timestamp())
       ON CONFLICT ON CONSTRAINT notifications_once_per_event_and_recipient DO NOTHING`,
      [
        randomUUID(),
        event.payload.caseId,
        planned.recipientKind,
        planned.recipient,
        planned.channel,
        planned.message.template,
        JSON.stringify(planned.message.params),
        planned.message.body,
        event.id,
        event.county,
        event.town ?? null,
        event.correlationId,
      ],
    );
  }
}
