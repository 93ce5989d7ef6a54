import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { homeVisitRequestedV1, homeVisitScheduledV1, topicsOf } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { HomeVisitMessages } from './home-visit-messages';

/** Home visits asked of a village station, and the day set for them. */
@Controller()
export class HomeVisitsConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly messages: HomeVisitMessages,
  ) {}

  @EventPattern(topicsOf(homeVisitRequestedV1))
  async onRequested(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(homeVisitRequestedV1, receivedMessage(value, context), (event) =>
      this.messages.requested(event, homeVisitRequestedV1.topic),
    );
  }

  @EventPattern(topicsOf(homeVisitScheduledV1))
  async onScheduled(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(homeVisitScheduledV1, receivedMessage(value, context), (event) =>
      this.messages.scheduled(event, homeVisitScheduledV1.topic),
    );
  }
}
