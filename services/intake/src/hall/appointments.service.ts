import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appointmentBookedV1, appointmentCancelledV1, type EventActor } from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { chinaDate, lookupDigest, queueCategoryOfUnit, type QueueCategoryCode } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { MatterOfferingService } from '../catalogue/matter-offering.service';
import { INTAKE_SCHEMA } from '../config/intake.env';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { APPLICANT_LOOKUP_KEY } from '../personal-data/personal-data.tokens';
import type { BookVisitDto } from './dto/hall.dto';
import { HallError, HallErrorCode } from './hall.errors';
import { chinaTimeOfDay, slotHasBegun, type HallSettings } from './hall-settings';
import { HallSettingsService } from './hall-settings.service';
import { WorkingDaysClient } from './working-days.client';

export interface BookableDay {
  date: string;
  /** The year's holidays are not yet published: the day is a weekday, and may still turn out to be a holiday. */
  provisional: boolean;
  slots: { slot: string; left: number }[];
}

export interface Appointment {
  id: string;
  town: string;
  centerName: string;
  day: string;
  slot: string;
  matterName: string;
  applicantName: string;
  status: 'booked' | 'arrived' | 'cancelled';
  bookedByName: string | null;
  bookedAt: Date;
}

/** Who books: the applicant online (their own number), or a village agent for someone with that person's number. */
export interface Booker {
  phone: string;
  id: string;
  name: string | null;
  actor: EventActor;
}

const COLUMNS = `a.id, a.town, t.name || '便民服务中心' AS "centerName", a.day::text AS day, a.slot,
  a.matter_name AS "matterName", a.applicant_name AS "applicantName", a.status, a.booked_by_name AS "bookedByName",
  a.booked_at AS "bookedAt"`;

/**
 * 预约: a visit to a town's center at a slot of a working day, within the days it books ahead and the people a slot
 * holds; one a day per person and center. Booked and cancelled visits are announced (the applicant's SMS).
 */
@Injectable()
export class AppointmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HallSettingsService,
    private readonly workingDays: WorkingDaysClient,
    private readonly offering: MatterOfferingService,
    private readonly cipher: PersonalDataCipher,
    @Inject(APPLICANT_LOOKUP_KEY) private readonly lookupKey: Buffer,
  ) {}

  /**
   * The days and slots that can still be booked, with the places left in each: for a matter, the places of the
   * windows that handle its business; without one, of the whole hall.
   */
  async bookable(town: string, matterCode?: string): Promise<{ centerName: string; days: BookableDay[] }> {
    const hall = await this.settings.of(town);
    const category = matterCode ? (await this.matterOf(hall.county, matterCode)).category : undefined;
    const capacity = placesPerSlot(hall, category);
    const now = new Date();
    const today = chinaDate(now);
    const days = await this.workingDays.next(hall.county, today, hall.bookDaysAhead);
    const taken = (await this.dataSource.query(
      `SELECT day::text AS day, slot, count(*)::int AS n FROM intake.appointments
        WHERE town = $1 AND day >= $2::date AND status <> 'cancelled' AND ($3::text IS NULL OR category = $3)
        GROUP BY day, slot`,
      [town, today, category ?? null],
    )) as { day: string; slot: string; n: number }[];
    return {
      centerName: hall.centerName,
      days: days.map(({ date, provisional }) => ({
        date,
        provisional,
        slots: hall.slots
          .filter((slot) => date !== today || !slotHasBegun(slot, chinaTimeOfDay(now)))
          .map((slot) => ({
            slot,
            left: Math.max(
              0,
              capacity - (taken.find((row) => row.day === date && row.slot === slot)?.n ?? 0),
            ),
          })),
      })),
    };
  }

  async book(visit: BookVisitDto, booker: Booker): Promise<Appointment> {
    const hall = await this.settings.of(visit.town);
    await this.assertBookable(hall, visit);
    const matter = await this.matterOf(hall.county, visit.matterCode);
    const id = randomUUID();
    const phoneDigest = lookupDigest(this.lookupKey, 'phone', booker.phone);
    const checkInCode = String(randomInt(0, 10_000)).padStart(4, '0');
    const booked = await this.dataSource.transaction(async (manager) => {
      // One person's bookings of a day, then one slot's places, are counted one booking at a time (always in this
      // order: two bookings never wait on each other's second lock).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `appointments:${visit.town}:${visit.day}:${phoneDigest}`,
      ]);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `appointments:${visit.town}:${visit.day}:${visit.slot}:${matter.category}`,
      ]);
      const [sameDay] = (await manager.query(
        `SELECT id, slot, matter_code AS "matterCode" FROM intake.appointments
          WHERE town = $1 AND day = $2::date AND phone_digest = $3 AND status <> 'cancelled'`,
        [visit.town, visit.day, phoneDigest],
      )) as { id: string; slot: string; matterCode: string }[];
      // The same booking sent again (a retry after a lost answer) is the booking already made.
      if (sameDay?.slot === visit.slot && sameDay.matterCode === matter.code) return sameDay.id;
      if (sameDay) throw new HallError(HallErrorCode.ALREADY_BOOKED);
      const [{ n }] = (await manager.query(
        `SELECT count(*)::int AS n FROM intake.appointments
          WHERE town = $1 AND day = $2::date AND slot = $3 AND category = $4 AND status <> 'cancelled'`,
        [visit.town, visit.day, visit.slot, matter.category],
      )) as { n: number }[];
      if (n >= placesPerSlot(hall, matter.category)) throw new HallError(HallErrorCode.SLOT_FULL);
      const [{ bookedAt }] = (await manager.query(
        `INSERT INTO intake.appointments (id, county, town, day, slot, matter_code, matter_name, category,
            applicant_name, phone, phone_digest, booked_by, booked_by_name, checkin_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING booked_at AS "bookedAt"`,
        [
          id,
          hall.county,
          visit.town,
          visit.day,
          visit.slot,
          matter.code,
          matter.name,
          matter.category,
          visit.applicantName,
          this.cipher.encrypt('applicant_phone', id, booker.phone),
          phoneDigest,
          booker.id,
          booker.name,
          checkInCode,
        ],
      )) as { bookedAt: Date }[];
      await enqueueEvent(manager, INTAKE_SCHEMA, appointmentBookedV1, {
        subject: id,
        county: hall.county,
        town: visit.town,
        actor: booker.actor,
        correlationId: id,
        payload: {
          appointmentId: id,
          centerName: hall.centerName,
          day: visit.day,
          slot: visit.slot,
          matterName: matter.name,
          applicantName: visit.applicantName,
          applicantPhone: booker.phone,
          checkInCode,
          bookedAt: bookedAt.toISOString(),
        },
      });
      return id;
    });
    return this.one(booked);
  }

  /** An applicant's visits: today's and those to come, and the last month's. */
  async mine(phone: string): Promise<Appointment[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.appointments a JOIN intake.towns t ON t.code = a.town
        WHERE a.phone_digest = $1 AND a.day >= $2::date - 30 ORDER BY a.day DESC, a.slot DESC LIMIT 50`,
      [lookupDigest(this.lookupKey, 'phone', phone), chinaDate(new Date())],
    )) as Appointment[];
  }

  /** Cancels a visit still to come, booked with this number (or by this agent). */
  async cancel(
    id: string,
    owner: { phone?: string; bookedBy?: string },
    actor: EventActor,
  ): Promise<Appointment> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT county, town, day::text AS day, slot, status, phone_digest AS "phoneDigest", booked_by AS "bookedBy"
           FROM intake.appointments WHERE id = $1 FOR UPDATE`,
        [id],
      )) as {
        county: string;
        town: string;
        day: string;
        slot: string;
        status: string;
        phoneDigest: string;
        bookedBy: string;
      }[];
      const mine =
        row &&
        ((owner.phone && row.phoneDigest === lookupDigest(this.lookupKey, 'phone', owner.phone)) ||
          (owner.bookedBy && row.bookedBy === owner.bookedBy));
      if (!mine) throw new HallError(HallErrorCode.APPOINTMENT_NOT_FOUND);
      const now = new Date();
      const today = chinaDate(now);
      const over = row.day < today || (row.day === today && slotHasBegun(row.slot, chinaTimeOfDay(now)));
      if (row.status !== 'booked' || over) throw new HallError(HallErrorCode.APPOINTMENT_NOT_CANCELLABLE);
      // An UPDATE … RETURNING answers its rows and the count.
      const [[{ cancelledAt }]] = (await manager.query(
        `UPDATE intake.appointments SET status = 'cancelled', cancelled_at = now() WHERE id = $1
          RETURNING cancelled_at AS "cancelledAt"`,
        [id],
      )) as [{ cancelledAt: Date }[], number];
      await enqueueEvent(manager, INTAKE_SCHEMA, appointmentCancelledV1, {
        subject: id,
        county: row.county,
        town: row.town,
        actor,
        correlationId: id,
        payload: { appointmentId: id, cancelledAt: cancelledAt.toISOString() },
      });
    });
    return this.one(id);
  }

  private async one(id: string): Promise<Appointment> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.appointments a JOIN intake.towns t ON t.code = a.town WHERE a.id = $1`,
      [id],
    )) as Appointment[];
    return row;
  }

  private async assertBookable(hall: HallSettings, visit: BookVisitDto): Promise<void> {
    if (!hall.slots.includes(visit.slot))
      throw new HallError(HallErrorCode.SLOT_UNKNOWN, { slots: hall.slots });
    const now = new Date();
    const today = chinaDate(now);
    const days = await this.workingDays.next(hall.county, today, hall.bookDaysAhead);
    if (!days.some((day) => day.date === visit.day)) throw new HallError(HallErrorCode.DAY_NOT_BOOKABLE);
    if (visit.day === today && slotHasBegun(visit.slot, chinaTimeOfDay(now)))
      throw new HallError(HallErrorCode.SLOT_PASSED);
  }

  private async matterOf(
    county: string,
    code: string,
  ): Promise<{ code: string; name: string; category: QueueCategoryCode }> {
    const matter = await this.offering.inForce(county, code);
    if (!matter) throw new HallError(HallErrorCode.MATTER_UNKNOWN);
    return { code: matter.code, name: matter.name, category: queueCategoryOfUnit(matter.unitCode) };
  }
}

/**
 * Places of a slot: each window that handles the business takes the set number of people in it (the whole hall's
 * windows without a business). A business no window handles cannot be booked.
 */
function placesPerSlot(hall: HallSettings, category: QueueCategoryCode | undefined): number {
  const windows = category
    ? hall.windows.filter((window) => window.categories.includes(category)).length
    : hall.windows.length;
  if (windows === 0) throw new HallError(HallErrorCode.CATEGORY_NOT_SERVED, { category });
  return hall.slotCapacity * windows;
}
