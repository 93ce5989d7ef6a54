import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import type { SeededPlaceNames } from '@oneseal/domain';
import { PLACE_NAMES } from '../places/place-names';
import { CalendarChangeError, CalendarChangeErrorCode } from './calendar.errors';
import { CalendarRecalculations, type Recalculation } from './calendar-recalculations';
import { RecalculationIdParam } from './dto/recalculation-id.param';

/**
 * How far a calendar change has got in telling the open cases: the administrators who change the calendar follow
 * it. A county's administrator sees the national changes and the county's own; the platform's, every one.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/recalculations')
@Roles('admin', 'system-admin')
export class CalendarRecalculationsController {
  constructor(
    private readonly recalculations: CalendarRecalculations,
    @Inject(PLACE_NAMES) private readonly places: SeededPlaceNames,
  ) {}

  @Get()
  @ApiOperation({ summary: '最近 10 次日历调整后的期限重算：涉及的在办案件、已通知的件数、是否完成' })
  async latest(@CurrentUser() user: AuthUser): Promise<NamedRecalculation[]> {
    return (await this.recalculations.latest(ownCounty(user))).map((run) => this.named(run));
  }

  @Get(':id')
  @ApiOperation({ summary: '一次期限重算的进度' })
  async one(
    @CurrentUser() user: AuthUser,
    @Param() { id }: RecalculationIdParam,
  ): Promise<NamedRecalculation> {
    const found = await this.recalculations.find(id);
    const county = ownCounty(user);
    // Another county's is not shown to be there.
    if (!found || (county && found.county !== null && found.county !== county))
      throw new CalendarChangeError(CalendarChangeErrorCode.RECALCULATION_NOT_FOUND);
    return this.named(found);
  }

  /** With the county's name, as the list shows whose change it was. */
  private named(run: Recalculation): NamedRecalculation {
    return { ...run, countyName: run.county ? this.places.county(run.county) : null };
  }
}

type NamedRecalculation = Recalculation & { countyName: string | null };

/** The county a person's view is limited to; none for the platform's administrator. */
const ownCounty = (user: AuthUser): string | undefined =>
  user.roles.includes('system-admin') ? undefined : user.county;
