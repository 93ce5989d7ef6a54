import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { applicationSubmittedV1, topicsOf } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { NotificationPlanner } from '../notifications/notification-planner';

/** Learns each case's applicant (name, mobile, receipt number) from the submission. */
@Controller()
export class ApplicationSubmittedConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly planner: NotificationPlanner,
  ) {}

  @EventPattern(topicsOf(applicationSubmittedV1))
  async onApplicationSubmitted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(applicationSubmittedV1, receivedMessage(value, context), (event) =>
      this.planner.recordApplicant(event, applicationSubmittedV1.topic),
    );
  }
}
