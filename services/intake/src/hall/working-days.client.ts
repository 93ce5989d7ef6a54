import { askService } from '@oneseal/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ROUTING_URL } from '../case-files/case-access.client';
import { HallError, HallErrorCode } from './hall.errors';

/** Asks routing (which keeps the county's calendar) for the working days a visit may be booked on. */
@Injectable()
export class WorkingDaysClient {
  private readonly logger = new Logger(WorkingDaysClient.name);

  constructor(@Inject(ROUTING_URL) private readonly routingUrl: string) {}

  async next(county: string, from: string, count: number): Promise<{ date: string; provisional: boolean }[]> {
    const { days } = await askService<{ days: { date: string; provisional: boolean }[] }>(
      {
        what: "routing's working days",
        url: `${this.routingUrl}/calendar/counties/${county}/working-days?from=${from}&count=${count}`,
      },
      { unavailable: () => new HallError(HallErrorCode.CALENDAR_UNAVAILABLE), logger: this.logger },
    );
    return days;
  }
}
