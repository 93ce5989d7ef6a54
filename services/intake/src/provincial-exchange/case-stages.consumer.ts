import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import {
  applicationSubmittedV1,
  caseAcceptedV1,
  caseConcludedV1,
  caseRefusedV1,
  caseResumedV1,
  caseSuspendedV1,
  correctionRequestedV1,
  correctionSuppliedV1,
  deadlineExtendedV1,
  resultDeliveredV1,
  stepDecidedV1,
  topicsOf,
  type EventContract,
} from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import {
  acceptedStage,
  concludedStage,
  correctionRequestedStage,
  correctionSuppliedStage,
  deliveredStage,
  extendedStage,
  refusedStage,
  resumedStage,
  stepStage,
  submittedStage,
  suspendedStage,
} from './stage-records';
import { StageRecorder, type StageMapping } from './stage-recorder';

/** The events that are stages of a case in the national exchange. */
export const PROVINCIAL_EXCHANGE_CONSUMES = [
  applicationSubmittedV1,
  caseAcceptedV1,
  caseRefusedV1,
  correctionRequestedV1,
  correctionSuppliedV1,
  stepDecidedV1,
  caseSuspendedV1,
  caseResumedV1,
  deadlineExtendedV1,
  caseConcludedV1,
  resultDeliveredV1,
] as const;

/** Queues each stage of a case for the province as its event arrives (validated at this edge like everywhere). */
@Controller()
export class CaseStagesConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly recorder: StageRecorder,
  ) {}

  private take<TPayload extends { caseId: string }>(
    contract: EventContract<TPayload>,
    mapping: StageMapping<TPayload>,
    value: unknown,
    context: KafkaContext,
  ): Promise<unknown> {
    return this.edge.consume(contract, receivedMessage(value, context), (event) =>
      this.recorder.record(event, mapping),
    );
  }

  @EventPattern(topicsOf(applicationSubmittedV1))
  onSubmitted(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(applicationSubmittedV1, submittedStage, value, context);
  }

  @EventPattern(topicsOf(caseAcceptedV1))
  onAccepted(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(caseAcceptedV1, acceptedStage, value, context);
  }

  @EventPattern(topicsOf(caseRefusedV1))
  onRefused(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(caseRefusedV1, refusedStage, value, context);
  }

  @EventPattern(topicsOf(correctionRequestedV1))
  onCorrectionRequested(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(correctionRequestedV1, correctionRequestedStage, value, context);
  }

  @EventPattern(topicsOf(correctionSuppliedV1))
  onCorrectionSupplied(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(correctionSuppliedV1, correctionSuppliedStage, value, context);
  }

  @EventPattern(topicsOf(stepDecidedV1))
  onStepDecided(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(stepDecidedV1, stepStage, value, context);
  }

  @EventPattern(topicsOf(caseSuspendedV1))
  onSuspended(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(caseSuspendedV1, suspendedStage, value, context);
  }

  @EventPattern(topicsOf(caseResumedV1))
  onResumed(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(caseResumedV1, resumedStage, value, context);
  }

  @EventPattern(topicsOf(deadlineExtendedV1))
  onExtended(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(deadlineExtendedV1, extendedStage, value, context);
  }

  @EventPattern(topicsOf(caseConcludedV1))
  onConcluded(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(caseConcludedV1, concludedStage, value, context);
  }

  @EventPattern(topicsOf(resultDeliveredV1))
  onDelivered(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.take(resultDeliveredV1, deliveredStage, value, context);
  }
}
