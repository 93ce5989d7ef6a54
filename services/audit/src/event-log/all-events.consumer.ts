import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { contractForTopic, EVENT_CONTRACTS, topicsOf } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { EventLogService } from './event-log.service';

/** Subscribes to every event topic and records each event, validated like at any other consumer edge. */
@Controller()
export class AllEventsConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly log: EventLogService,
  ) {}

  @EventPattern(EVENT_CONTRACTS.flatMap(topicsOf))
  async onEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const contract = contractForTopic(context.getTopic());
    if (!contract) return this.edge.acknowledge(receivedMessage(value, context));
    // Recorded with the topic it really came on: an event read from a former topic name says so.
    await this.edge.consume<object>(contract, receivedMessage(value, context), (event) =>
      this.log.record(contract, event, context.getTopic()),
    );
  }
}
