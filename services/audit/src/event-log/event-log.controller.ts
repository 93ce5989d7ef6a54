import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { EVENT_CONTRACTS, typesOf, withPersonalDataMasked } from '@oneseal/contracts';
import { StreamIdParam } from './dto/stream-id.param';
import { EventLogService } from './event-log.service';

const contractOfType = (type: string) => EVENT_CONTRACTS.find((contract) => typesOf(contract).includes(type));

/** Auditors replay and verify a case's events; supervisors and administrators may look too, in their county. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/streams')
@Roles('auditor', 'supervisor', 'admin')
export class EventLogController {
  constructor(private readonly log: EventLogService) {}

  private async inReach(user: AuthUser, streamId: string) {
    const events = await this.log.replay(streamId);
    const county = events[0]?.envelope.county;
    if (county) assertReachesPlace(user, { county });
    return events;
  }

  @Get(':streamId/events')
  @ApiOperation({ summary: '回放一个办件的全部事件（按记录顺序；申请人手机号码部分隐去）' })
  async replay(@CurrentUser() user: AuthUser, @Param() params: StreamIdParam) {
    // Nobody who replays the record works the case with the applicant: personal data shows masked. The hashes are
    // of the events as recorded, so a chain still verifies against what is stored.
    return (await this.inReach(user, params.streamId)).map((event) => ({
      ...event,
      envelope: withPersonalDataMasked(contractOfType(event.type), event.envelope),
    }));
  }

  @Get(':streamId/verification')
  @ApiOperation({ summary: '核验一个办件的事件链：是否有事件被篡改、删除或调换' })
  async verify(@CurrentUser() user: AuthUser, @Param() params: StreamIdParam) {
    await this.inReach(user, params.streamId);
    return this.log.verify(params.streamId);
  }
}
