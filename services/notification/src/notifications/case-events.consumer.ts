import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { NotificationPlanner } from './notification-planner';
import {
  caseAcceptedRule,
  caseConcludedRule,
  caseRefusedRule,
  correctionRequestedRule,
  deadlineWarningRule,
  documentStampedRule,
  resultDeliveredRule,
  reviewTaskOpenedRule,
  serviceRatedRule,
  type NotificationRule,
} from './notification-rules';

/** The events that tell someone something; each goes through the consumer edge, then its rule. */
@Controller()
export class CaseEventsConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly planner: NotificationPlanner,
  ) {}

  @EventPattern(TOPICS.caseAcceptedV1)
  onCaseAccepted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(caseAcceptedRule, value, context);
  }

  @EventPattern(TOPICS.correctionRequestedV1)
  onCorrectionRequested(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(correctionRequestedRule, value, context);
  }

  @EventPattern(TOPICS.caseRefusedV1)
  onCaseRefused(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(caseRefusedRule, value, context);
  }

  @EventPattern(TOPICS.caseConcludedV1)
  onCaseConcluded(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(caseConcludedRule, value, context);
  }

  @EventPattern(TOPICS.documentStampedV1)
  onDocumentStamped(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(documentStampedRule, value, context);
  }

  @EventPattern(TOPICS.resultDeliveredV1)
  onResultDelivered(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(resultDeliveredRule, value, context);
  }

  @EventPattern(TOPICS.serviceRatedV1)
  onServiceRated(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(serviceRatedRule, value, context);
  }

  @EventPattern(TOPICS.reviewTaskOpenedV1)
  onReviewTaskOpened(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(reviewTaskOpenedRule, value, context);
  }

  @EventPattern(TOPICS.deadlineWarningV1)
  onDeadlineWarning(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(deadlineWarningRule, value, context);
  }

  private async consume<TPayload extends { caseId: string }>(
    rule: NotificationRule<TPayload>,
    value: unknown,
    context: KafkaContext,
  ): Promise<void> {
    await this.edge.consume(rule.contract, receivedMessage(value, context), (event) =>
      this.planner.handleEvent(rule, event),
    );
  }
}
