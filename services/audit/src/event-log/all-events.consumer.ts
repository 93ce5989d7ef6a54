import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { EVENT_CONTRACTS, withoutCredentials } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { EventLogService } from './event-log.service';

const CONTRACT_BY_TOPIC = new Map<string, (typeof EVENT_CONTRACTS)[number]>(
  EVENT_CONTRACTS.map((contract) => [contract.topic, contract]),
);

/** Subscribes to every event topic and records each event, validated like at any other consumer edge. */
@Controller()
export class AllEventsConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly log: EventLogService,
  ) {}

  @EventPattern(EVENT_CONTRACTS.map((contract) => contract.topic))
  async onEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const contract = CONTRACT_BY_TOPIC.get(context.getTopic());
    if (!contract) return;
    await this.edge.consume<object>(contract, receivedMessage(value, context), (event) =>
      this.log.append(withoutCredentials(contract, event), contract.topic),
    );
  }
}
