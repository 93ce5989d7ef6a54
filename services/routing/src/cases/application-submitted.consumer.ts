import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { applicationSubmittedV1, topicsOf } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { CaseRoutingService } from './case-routing.service';

/** What routing reads from Kafka: every submission starts a case. */
export const ROUTING_CONSUMES = [applicationSubmittedV1] as const;

@Controller()
export class ApplicationSubmittedConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly routing: CaseRoutingService,
  ) {}

  @EventPattern(topicsOf(applicationSubmittedV1))
  async onApplicationSubmitted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(applicationSubmittedV1, receivedMessage(value, context), (event) =>
      this.routing.routeCase(event),
    );
  }
}
