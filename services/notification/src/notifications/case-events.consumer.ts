import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import {
  applicationSubmittedV1,
  appointmentBookedV1,
  appointmentCancelledV1,
  homeVisitRequestedV1,
  homeVisitScheduledV1,
  noticeIssuedV1,
  topicsOf,
} from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { NotificationPlanner } from './notification-planner';
import { NOTIFICATION_RULES, ruleForTopic } from './notification-rules';

/**
 * What notification reads from Kafka: the submission (who the applicant is), booked and cancelled visits, the county's
 * 通报, and every event a rule speaks of.
 */
export const NOTIFICATION_CONSUMES = [
  applicationSubmittedV1,
  appointmentBookedV1,
  appointmentCancelledV1,
  homeVisitRequestedV1,
  homeVisitScheduledV1,
  noticeIssuedV1,
  ...NOTIFICATION_RULES.map((rule) => rule.contract),
] as const;

/** The events that tell someone something; each goes through the consumer edge, then its rule. */
@Controller()
export class CaseEventsConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly planner: NotificationPlanner,
  ) {}

  @EventPattern(NOTIFICATION_RULES.flatMap((rule) => topicsOf(rule.contract)))
  async onCaseEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const rule = ruleForTopic(context.getTopic());
    if (!rule) return this.edge.acknowledge(receivedMessage(value, context));
    await this.edge.consume(rule.contract, receivedMessage(value, context), (event) =>
      this.planner.handleEvent(rule, event),
    );
  }
}
