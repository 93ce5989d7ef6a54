import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { noticeIssuedV1, topicsOf } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage } from '@oneseal/kafka';
import { NoticeMessages } from './notice-messages';

/** 通报 the county issues under seal, told to the towns they are addressed to. */
@Controller()
export class NoticesConsumer {
  constructor(
    private readonly edge: ConsumerEdge,
    private readonly messages: NoticeMessages,
  ) {}

  @EventPattern(topicsOf(noticeIssuedV1))
  async onIssued(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(noticeIssuedV1, receivedMessage(value, context), (event) =>
      this.messages.issued(event, noticeIssuedV1.topic),
    );
  }
}
