import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { reviewTaskOpenedV1, stepDecidedV1, topicsOf } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { CaseStepsService } from './case-steps.service';

/** What routing reads of the approval service: each step's task opening and its decision, for the case read model. */
export const CASE_STEPS_CONSUMES = [reviewTaskOpenedV1, stepDecidedV1] as const;

@Controller()
export class CaseStepsConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly steps: CaseStepsService,
  ) {}

  @EventPattern(topicsOf(reviewTaskOpenedV1))
  async onTaskOpened(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(reviewTaskOpenedV1, receivedMessage(value, context), (event) =>
      this.steps.opened(event.payload),
    );
  }

  @EventPattern(topicsOf(stepDecidedV1))
  async onStepDecided(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(stepDecidedV1, receivedMessage(value, context), (event) =>
      this.steps.decided(event.payload),
    );
  }
}
