import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { appointmentBookedV1, appointmentCancelledV1, topicsOf } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { AppointmentMessages } from './appointment-messages';

/** Booked and cancelled visits to a center: the applicant's confirmation and reminder. */
@Controller()
export class AppointmentsConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly messages: AppointmentMessages,
  ) {}

  @EventPattern(topicsOf(appointmentBookedV1))
  async onBooked(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(appointmentBookedV1, receivedMessage(value, context), (event) =>
      this.messages.booked(event, appointmentBookedV1.topic),
    );
  }

  @EventPattern(topicsOf(appointmentCancelledV1))
  async onCancelled(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(appointmentCancelledV1, receivedMessage(value, context), (event) =>
      this.messages.cancelled(event, appointmentCancelledV1.topic),
    );
  }
}
