import { Inject, Injectable, Logger } from '@nestjs/common';
import { ROUTING_URL } from '../case-files/case-access.client';
import { HallError, HallErrorCode } from './hall.errors';

/** Asks routing (which keeps the county's calendar) for the working days a visit may be booked on. */
@Injectable()
export class WorkingDaysClient {
  private readonly logger = new Logger(WorkingDaysClient.name);

  constructor(@Inject(ROUTING_URL) private readonly routingUrl: string) {}

  async next(county: string, from: string, count: number): Promise<{ date: string; provisional: boolean }[]> {
    const url = `${this.routingUrl}/calendar/counties/${county}/working-days?from=${from}&count=${count}`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { days: { date: string; provisional: boolean }[] }).days;
    } catch (error) {
      this.logger.warn(
        `routing did not give the working days: ${error instanceof Error ? error.message : error}`,
      );
      throw new HallError(HallErrorCode.CALENDAR_UNAVAILABLE);
    }
  }
}
