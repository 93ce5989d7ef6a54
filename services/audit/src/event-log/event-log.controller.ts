import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StreamIdParam } from './dto/stream-id.param';
import { EventLogService } from './event-log.service';

@ApiTags('audit')
@Controller('audit/streams')
export class EventLogController {
  constructor(private readonly log: EventLogService) {}

  @Get(':streamId/events')
  @ApiOperation({ summary: '回放一个办件的全部事件（按记录顺序）' })
  replay(@Param() params: StreamIdParam) {
    return this.log.replay(params.streamId);
  }

  @Get(':streamId/verification')
  @ApiOperation({ summary: '核验一个办件的事件链：是否有事件被篡改、删除或调换' })
  verify(@Param() params: StreamIdParam) {
    return this.log.verify(params.streamId);
  }
}
