import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { TOPICS, applicationSubmittedV1 } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { CaseRoutingService } from './case-routing.service';

@Controller()
export class ApplicationSubmittedConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly routing: CaseRoutingService,
  ) {}

  @EventPattern(TOPICS.applicationSubmittedV1)
  async onApplicationSubmitted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(applicationSubmittedV1, receivedMessage(value, context), (event) =>
      this.routing.routeCase(event),
    );
  }
}
