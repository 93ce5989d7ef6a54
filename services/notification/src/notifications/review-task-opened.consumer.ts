import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { TOPICS, reviewTaskOpenedV1 } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { NotificationsService } from './notifications.service';

@Controller()
export class ReviewTaskOpenedConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly notifications: NotificationsService,
  ) {}

  @EventPattern(TOPICS.reviewTaskOpenedV1)
  async onReviewTaskOpened(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(reviewTaskOpenedV1, receivedMessage(value, context), (event) =>
      this.notifications.notifyTaskOpened(event, reviewTaskOpenedV1.topic),
    );
  }
}
