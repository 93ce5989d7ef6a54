import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { chinaDate, lookupDigest, queueCategory, ticketText, type QueueCategoryCode } from '@oneseal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { APPLICANT_LOOKUP_KEY } from '../personal-data/personal-data.tokens';
import type { TakeTicketDto } from './dto/hall.dto';
import { HallError, HallErrorCode } from './hall.errors';
import { categoryNames, chinaTimeOfDay } from './hall-settings';
import { HallSettingsService } from './hall-settings.service';

export interface TakenTicket {
  id: string;
  ticket: string;
  categoryName: string;
  /** Numbers of the same business ahead of this one. */
  waitingAhead: number;
  /** The windows that will call it. */
  windows: string[];
  issuedAt: Date;
  appointment: { slot: string; matterName: string } | null;
}

export interface CalledTicket {
  id: string;
  ticket: string;
  windowNumber: number;
  windowName: string;
  categoryName: string;
  waitedMinutes: number;
}

export interface HallBoard {
  centerName: string;
  day: string;
  calls: { ticket: string; windowNumber: number; windowName: string; calledAt: Date }[];
  windows: {
    number: number;
    name: string;
    categories: string[];
    staffName: string | null;
    calling: string | null;
  }[];
  waiting: { category: string; waiting: number }[];
}

/**
 * 取号 and 叫号 in a town's hall: a number in the line of the business (or the appointment line, called first once
 * its slot has begun), called to a window that serves that business; the previous number of that window is then
 * done. Numbers start again each day.
 */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HallSettingsService,
    @Inject(APPLICANT_LOOKUP_KEY) private readonly lookupKey: Buffer,
  ) {}

  async take(staff: AuthUser, town: string, request: TakeTicketDto): Promise<TakenTicket> {
    const hall = await this.settings.of(town);
    assertReachesPlace(staff, { county: hall.county, town });
    const today = chinaDate(new Date());
    return this.dataSource.transaction(async (manager) => {
      let appointment:
        | { id: string; slot: string; matterName: string; category: QueueCategoryCode }
        | undefined;
      if (request.appointmentPhone) {
        [appointment] = (await manager.query(
          `SELECT id, slot, matter_name AS "matterName", category FROM intake.appointments
            WHERE town = $1 AND day = $2::date AND phone_digest = $3 AND checkin_code = $4 AND status = 'booked'
            ORDER BY slot LIMIT 1 FOR UPDATE`,
          [
            town,
            today,
            lookupDigest(this.lookupKey, 'phone', request.appointmentPhone),
            request.appointmentCode,
          ],
        )) as (typeof appointment & object)[];
        if (!appointment) throw new HallError(HallErrorCode.NO_APPOINTMENT_TODAY);
      }
      const category = (appointment?.category ?? request.category) as QueueCategoryCode;
      const serving = hall.windows.filter((window) => window.categories.includes(category));
      if (!serving.length) throw new HallError(HallErrorCode.CATEGORY_NOT_SERVED, { category });
      const line: QueueCategoryCode = appointment ? 'appointment' : category;
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`tickets:${town}:${today}:${line}`]);
      const [{ next }] = (await manager.query(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM intake.queue_tickets
          WHERE town = $1 AND day = $2::date AND line = $3`,
        [town, today, line],
      )) as { next: number }[];
      const id = randomUUID();
      const ticket = ticketText(line, next);
      const [{ issuedAt }] = (await manager.query(
        `INSERT INTO intake.queue_tickets (id, county, town, day, line, category, number, ticket, appointment_id,
            issued_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING issued_at AS "issuedAt"`,
        [id, hall.county, town, today, line, category, next, ticket, appointment?.id ?? null, staff.id],
      )) as { issuedAt: Date }[];
      if (appointment)
        await manager.query(`UPDATE intake.appointments SET status = 'arrived' WHERE id = $1`, [
          appointment.id,
        ]);
      const [{ ahead }] = (await manager.query(
        `SELECT count(*)::int AS ahead FROM intake.queue_tickets
          WHERE town = $1 AND day = $2::date AND category = $3 AND status = 'waiting' AND id <> $4`,
        [town, today, category, id],
      )) as { ahead: number }[];
      return {
        id,
        ticket,
        categoryName: queueCategory(category).name,
        waitingAhead: ahead,
        windows: serving.map((window) => `${window.number}号${window.name}`),
        issuedAt,
        appointment: appointment ? { slot: appointment.slot, matterName: appointment.matterName } : null,
      };
    });
  }

  /** The window calls its next number; the number it was serving is done. Null when nobody waits for it. */
  async callNext(staff: AuthUser, town: string, windowNumber: number): Promise<CalledTicket | null> {
    const hall = await this.settings.of(town);
    assertReachesPlace(staff, { county: hall.county, town });
    const window = hall.windows.find((each) => each.number === windowNumber);
    if (!window) throw new HallError(HallErrorCode.WINDOW_UNKNOWN);
    const now = new Date();
    const today = chinaDate(now);
    return this.dataSource.transaction(async (manager) => {
      await this.finishCurrent(manager, town, today, windowNumber);
      // Appointments whose slot has begun first, then everyone in the order they came.
      const [next] = (await manager.query(
        `SELECT q.id, q.ticket, q.category, q.issued_at AS "issuedAt"
           FROM intake.queue_tickets q LEFT JOIN intake.appointments a ON a.id = q.appointment_id
          WHERE q.town = $1 AND q.day = $2::date AND q.status = 'waiting' AND q.category = ANY($3)
          ORDER BY (q.line = 'appointment' AND left(a.slot, 5) <= $4) DESC, q.issued_at
          LIMIT 1 FOR UPDATE OF q SKIP LOCKED`,
        [town, today, window.categories, chinaTimeOfDay(now)],
      )) as { id: string; ticket: string; category: QueueCategoryCode; issuedAt: Date }[];
      if (!next) return null;
      // An UPDATE … RETURNING answers its rows and the count.
      const [[{ calledAt }]] = (await manager.query(
        `UPDATE intake.queue_tickets SET status = 'called', window_number = $2, called_by = $3, called_by_name = $4,
            called_at = now()
          WHERE id = $1 RETURNING called_at AS "calledAt"`,
        [next.id, windowNumber, staff.id, staff.name],
      )) as [{ calledAt: Date }[], number];
      return {
        id: next.id,
        ticket: next.ticket,
        windowNumber,
        windowName: window.name,
        categoryName: queueCategory(next.category).name,
        waitedMinutes: Math.round((calledAt.getTime() - next.issuedAt.getTime()) / 60_000),
      };
    });
  }

  /** 过号: the number called did not come to the window. */
  async skip(staff: AuthUser, ticketId: string): Promise<void> {
    const [ticket] = (await this.dataSource.query(
      `SELECT county, town FROM intake.queue_tickets WHERE id = $1 AND status = 'called'`,
      [ticketId],
    )) as { county: string; town: string }[];
    if (!ticket) throw new HallError(HallErrorCode.TICKET_NOT_FOUND);
    assertReachesPlace(staff, ticket);
    await this.dataSource.query(
      `UPDATE intake.queue_tickets SET status = 'skipped', finished_at = now() WHERE id = $1 AND status = 'called'`,
      [ticketId],
    );
  }

  /** 大厅显示屏: the latest calls, what each window is calling, how many wait in each line. No one's name. */
  async board(town: string): Promise<HallBoard> {
    const hall = await this.settings.of(town);
    const today = chinaDate(new Date());
    const [calls, atWindows, waiting] = await Promise.all([
      this.dataSource.query(
        `SELECT ticket, window_number AS "windowNumber", called_at AS "calledAt" FROM intake.queue_tickets
          WHERE town = $1 AND day = $2::date AND called_at IS NOT NULL ORDER BY called_at DESC LIMIT 10`,
        [town, today],
      ) as Promise<{ ticket: string; windowNumber: number; calledAt: Date }[]>,
      // Each window's latest call of the day, however long ago: what it is calling, and who works it.
      this.dataSource.query(
        `SELECT DISTINCT ON (window_number) window_number AS "windowNumber", ticket, status,
                called_by_name AS "calledByName"
           FROM intake.queue_tickets
          WHERE town = $1 AND day = $2::date AND called_at IS NOT NULL
          ORDER BY window_number, called_at DESC`,
        [town, today],
      ) as Promise<{ windowNumber: number; ticket: string; status: string; calledByName: string | null }[]>,
      this.dataSource.query(
        `SELECT category, count(*)::int AS waiting FROM intake.queue_tickets
          WHERE town = $1 AND day = $2::date AND status = 'waiting' GROUP BY category`,
        [town, today],
      ) as Promise<{ category: QueueCategoryCode; waiting: number }[]>,
    ]);
    const windowName = (number: number) =>
      hall.windows.find((window) => window.number === number)?.name ?? '';
    return {
      centerName: hall.centerName,
      day: today,
      calls: calls.map(({ ticket, windowNumber, calledAt }) => ({
        ticket,
        windowNumber,
        windowName: windowName(windowNumber),
        calledAt,
      })),
      windows: hall.windows.map((window) => {
        const latest = atWindows.find((call) => call.windowNumber === window.number);
        return {
          number: window.number,
          name: window.name,
          categories: categoryNames(window),
          // 人员公示: who works the window today (the last to call from it), as the hall's notice names its staff.
          staffName: latest?.calledByName ?? null,
          calling: latest?.status === 'called' ? latest.ticket : null,
        };
      }),
      waiting: waiting.map((line) => ({
        category: queueCategory(line.category).name,
        waiting: line.waiting,
      })),
    };
  }

  /** The number a window was serving is done when it calls the next. */
  private async finishCurrent(manager: EntityManager, town: string, day: string, windowNumber: number) {
    await manager.query(
      `UPDATE intake.queue_tickets SET status = 'served', finished_at = now()
        WHERE town = $1 AND day = $2::date AND window_number = $3 AND status = 'called'`,
      [town, day, windowNumber],
    );
  }
}
