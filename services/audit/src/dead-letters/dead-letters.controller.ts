import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { TOPICS } from '@oneseal/contracts';
import { ConsumerEdge, receivedMessage, type DeadLetter } from '@oneseal/kafka';
import { DeadLettersService } from './dead-letters.service';
import { DeadLetterIdParam } from './dto/dead-letter-id.param';

/** The platform's operators (system administrators) and auditors see parked messages; operators send them back. */
@ApiTags('dead letters')
@ApiBearerAuth()
@Controller('dead-letters')
@Roles('system-admin', 'auditor')
export class DeadLettersController {
  constructor(
    private readonly letters: DeadLettersService,
    private readonly edge: ConsumerEdge,
  ) {}

  @Get()
  @ApiOperation({
    summary: '死信消息：各服务无法处理而搁置的消息（原因、来源、时间、是否已重放），最近 500 条',
  })
  list() {
    return this.letters.list();
  }

  @Get(':id')
  @ApiOperation({ summary: '一条死信消息的全部内容' })
  get(@Param() { id }: DeadLetterIdParam) {
    return this.letters.get(id);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @Roles('system-admin')
  @ApiOperation({
    summary: '重放：把消息送回原主题，由原消费者重新处理（原因排除后；消费者幂等，已处理的不会重复）',
  })
  replay(@CurrentUser() user: AuthUser, @Param() { id }: DeadLetterIdParam) {
    return this.letters.replay(user, id);
  }

  @EventPattern(TOPICS.deadLetterV1)
  async onDeadLetter(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    // Written by our own consumer edges; one that is not a dead letter is left alone (never parked again: a loop).
    const letter = value as Partial<DeadLetter> | null;
    if (letter && typeof letter.consumer === 'string' && typeof letter.originalTopic === 'string')
      await this.letters.record(letter as DeadLetter, {
        partition: context.getPartition(),
        offset: context.getMessage().offset,
      });
    // Kept (or left alone): the group may move past it, as past a handled event.
    this.edge.acknowledge(receivedMessage(value, context));
  }
}
