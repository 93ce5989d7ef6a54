import { randomBytes, randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { AuthUser } from '@oneseal/auth';
import { lookupDigest } from '@oneseal/domain';
import { openSuiteDataSource, refusalCodeOf, type SuiteDataSource } from '@oneseal/testing';
import { Application } from '../src/applications/application.entity';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import { MatterOfferingService } from '../src/catalogue/matter-offering.service';
import { SeedSources } from '../src/catalogue/seed-sources';
import { INTAKE_SCHEMA } from '../src/config/intake.env';
import { AppointmentsService, type Booker } from '../src/hall/appointments.service';
import { HallSettingsService } from '../src/hall/hall-settings.service';
import { hallWaiting } from '../src/hall/hall-waiting';
import { QueueService } from '../src/hall/queue.service';
import type { WorkingDaysClient } from '../src/hall/working-days.client';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';

const seeds = new SeedSources(resolve(__dirname, '../../../seeds'));
const TOWN = '140525100';
const admin: AuthUser = { id: 'a1', name: '县审批局管理员', roles: ['admin'], county: '140525' };
const window: AuthUser = {
  id: 'w1',
  name: '南村镇窗口',
  roles: ['town-window'],
  county: '140525',
  town: TOWN,
};
const neighbour: AuthUser = { ...window, id: 'w2', town: '140525101' };
const lookupKey = randomBytes(32);
const phoneNumber = () => `136${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;
const applicant = (phone = phoneNumber()): Booker => ({
  phone,
  id: 'applicant',
  name: null,
  actor: { kind: 'person', id: 'applicant', role: 'applicant' },
});
// Routing's answer (it runs in e2e): the next working days, far enough ahead that every slot is still to come.
const DAYS = ['2030-03-04', '2030-03-05', '2030-03-06'];

describe('预约 and 叫号 in a town’s hall (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let settings: HallSettingsService;
  let appointments: AppointmentsService;
  let queue: QueueService;
  const visit = (overrides: Partial<{ day: string; slot: string; matterCode: string }> = {}) => ({
    town: TOWN,
    day: DAYS[0],
    slot: '09:00-10:00',
    matterCode: 'ZZ-T-002',
    applicantName: '李桂兰',
    ...overrides,
  });

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake_service_hall', {
      schema: INTAKE_SCHEMA,
      entities: [Application],
    });
    await seedCatalogue(suite.dataSource, seeds);
    const workingDays = {
      next: async (_county: string, _from: string, count: number) =>
        DAYS.slice(0, count).map((date) => ({ date, provisional: false })),
    } as unknown as WorkingDaysClient;
    settings = new HallSettingsService(suite.dataSource);
    appointments = new AppointmentsService(
      suite.dataSource,
      settings,
      workingDays,
      new MatterOfferingService(suite.dataSource),
      new PersonalDataCipher(randomBytes(32)),
      lookupKey,
    );
    queue = new QueueService(suite.dataSource, settings, lookupKey);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('is closed until the county sets it up, and refuses settings that do not hold', async () => {
    expect(await refusalCodeOf(appointments.bookable(TOWN))).toBe('HALL.NOT_OPEN');
    const windows = [{ number: 1, name: '综合受理窗口', categories: ['social-assistance' as const] }];
    expect(
      await refusalCodeOf(
        settings.set(admin, TOWN, {
          windows,
          slots: ['09:00-10:00', '09:30-10:30'],
          slotCapacity: 2,
          bookDaysAhead: 2,
        }),
      ),
    ).toBe('HALL.SETTINGS_INVALID');
    await settings.set(admin, TOWN, {
      windows: [...windows, { number: 2, name: '综合受理窗口', categories: ['social-security', 'general'] }],
      slots: ['15:00-16:00', '09:00-10:00'],
      slotCapacity: 2,
      bookDaysAhead: 2,
    });
    const open = await appointments.bookable(TOWN);
    expect(open.days.map((day) => [day.date, day.slots.map((slot) => slot.slot)])).toEqual([
      [DAYS[0], ['09:00-10:00', '15:00-16:00']],
      [DAYS[1], ['09:00-10:00', '15:00-16:00']],
    ]);
  });

  it('fills a slot to its places however many book at once, one visit a day per person', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        refusalCodeOf(appointments.book(visit({ slot: '15:00-16:00' }), applicant())),
      ),
    );
    expect(results.filter((code) => code === 'none')).toHaveLength(2);
    expect(results.filter((code) => code === 'HALL.SLOT_FULL')).toHaveLength(3);
    const left = (await appointments.bookable(TOWN, 'ZZ-T-002')).days[0].slots.find(
      (slot) => slot.slot === '15:00-16:00',
    );
    expect(left?.left).toBe(0);
    // Another business is handled at another window: its places in the same slot are its own.
    const pension = visit({ slot: '15:00-16:00', matterCode: 'ZZ-T-032' });
    expect(await refusalCodeOf(appointments.book(pension, applicant()))).toBe('none');
    const pensionLeft = (await appointments.bookable(TOWN, 'ZZ-T-032')).days[0].slots.find(
      (slot) => slot.slot === '15:00-16:00',
    );
    expect(pensionLeft?.left).toBe(1);

    const someone = applicant();
    const first = await appointments.book(visit({ day: DAYS[1] }), someone);
    // The same booking sent again (its answer lost) is the booking already made, not a second one.
    expect((await appointments.book(visit({ day: DAYS[1] }), someone)).id).toBe(first.id);
    expect(
      await refusalCodeOf(appointments.book(visit({ day: DAYS[1], slot: '15:00-16:00' }), someone)),
    ).toBe('HALL.ALREADY_BOOKED');
    expect(await refusalCodeOf(appointments.book(visit({ day: DAYS[2] }), applicant()))).toBe(
      'HALL.DAY_NOT_BOOKABLE',
    );
    expect(await refusalCodeOf(appointments.book(visit({ slot: '11:00-12:00' }), applicant()))).toBe(
      'HALL.SLOT_UNKNOWN',
    );
    expect(await refusalCodeOf(appointments.book(visit({ matterCode: 'ZZ-T-999' }), applicant()))).toBe(
      'HALL.MATTER_UNKNOWN',
    );
    // Booked and announced with the number the SMS goes to; the number itself is kept encrypted.
    const [event] = (await suite.dataSource.query(
      `SELECT envelope FROM intake.outbox WHERE envelope->>'type' = 'intake.appointment-booked'
        AND envelope->'payload'->>'applicantPhone' = $1`,
      [someone.phone],
    )) as { envelope: { payload: { slot: string; centerName: string } } }[];
    expect(event.envelope.payload).toEqual(
      expect.objectContaining({
        slot: '09:00-10:00',
        centerName: '南村镇便民服务中心',
        checkInCode: expect.stringMatching(/^\d{4}$/),
      }),
    );
    const stored = (await suite.dataSource.query(
      `SELECT phone FROM intake.appointments WHERE phone LIKE $1`,
      [`%${someone.phone}%`],
    )) as unknown[];
    expect(stored).toEqual([]);
  });

  it('cancels a visit of the number that booked it, and frees its place', async () => {
    const someone = applicant();
    const booked = await appointments.book(visit({ day: DAYS[1], slot: '15:00-16:00' }), someone);
    const actor = { kind: 'person' as const, id: 'applicant', role: 'applicant' };
    expect(await refusalCodeOf(appointments.cancel(booked.id, { phone: phoneNumber() }, actor))).toBe(
      'HALL.APPOINTMENT_NOT_FOUND',
    );
    expect((await appointments.cancel(booked.id, { phone: someone.phone }, actor)).status).toBe('cancelled');
    expect(await refusalCodeOf(appointments.cancel(booked.id, { phone: someone.phone }, actor))).toBe(
      'HALL.APPOINTMENT_NOT_CANCELLABLE',
    );
    expect((await appointments.mine(someone.phone)).map((each) => each.status)).toEqual(['cancelled']);
  });

  it('numbers each business line, calls them to the windows that serve them, and reports the waiting', async () => {
    const first = await queue.take(window, TOWN, { category: 'social-assistance' });
    const second = await queue.take(window, TOWN, { category: 'social-assistance' });
    const other = await queue.take(window, TOWN, { category: 'general' });
    expect([first.ticket, second.ticket, other.ticket]).toEqual(['B001', 'B002', 'E001']);
    expect(second.waitingAhead).toBe(1);
    expect(await refusalCodeOf(queue.take(window, TOWN, { category: 'health' }))).toBe(
      'HALL.CATEGORY_NOT_SERVED',
    );
    expect(await refusalCodeOf(queue.take(neighbour, TOWN, { category: 'general' }))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(
      await refusalCodeOf(
        queue.take(window, TOWN, { appointmentPhone: phoneNumber(), appointmentCode: '1234' }),
      ),
    ).toBe('HALL.NO_APPOINTMENT_TODAY');

    // Window 1 serves 民政救助: B001, then B002 (B001 done); window 2 takes 综合事务.
    expect((await queue.callNext(window, TOWN, 1))?.ticket).toBe('B001');
    expect((await queue.callNext(window, TOWN, 2))?.ticket).toBe('E001');
    expect((await queue.callNext(window, TOWN, 1))?.ticket).toBe('B002');
    expect(await queue.callNext(window, TOWN, 2)).toBeNull();
    expect(await refusalCodeOf(queue.callNext(window, TOWN, 9))).toBe('HALL.WINDOW_UNKNOWN');
    await queue.skip(window, second.id);

    const board = await queue.board(TOWN);
    expect(board.calls.map((call) => `${call.ticket}→${call.windowNumber}`)).toEqual(
      expect.arrayContaining(['B001→1', 'E001→2', 'B002→1']),
    );
    // Window 2 pressed 叫号 with nobody waiting: E001 is done all the same.
    expect(board.windows.map((each) => [each.number, each.calling])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(JSON.stringify(board)).not.toContain('李桂兰');

    // An appointment of today whose slot has begun is called before those who came earlier without one.
    const phone = phoneNumber();
    await suite.dataSource.query(
      `INSERT INTO intake.appointments (id, county, town, day, slot, matter_code, matter_name, category, applicant_name,
          phone, phone_digest, booked_by, checkin_code)
       VALUES (gen_random_uuid(), '140525', $1, $2, '00:00-00:01', 'ZZ-T-002', '临时救助', 'social-assistance', '周九',
               'v1:test', $3, 'applicant', '4821')`,
      [TOWN, board.day, lookupDigest(lookupKey, 'phone', phone)],
    );
    const walkIn = await queue.take(window, TOWN, { category: 'social-assistance' });
    // The number alone does not take someone's appointment: the code sent with it does.
    expect(
      await refusalCodeOf(queue.take(window, TOWN, { appointmentPhone: phone, appointmentCode: '0000' })),
    ).toBe('HALL.NO_APPOINTMENT_TODAY');
    const booked = await queue.take(window, TOWN, { appointmentPhone: phone, appointmentCode: '4821' });
    expect([walkIn.ticket, booked.ticket, booked.appointment?.matterName]).toEqual([
      'B003',
      'Y001',
      '临时救助',
    ]);
    expect((await queue.callNext(window, TOWN, 1))?.ticket).toBe('Y001');
    expect((await queue.callNext(window, TOWN, 1))?.ticket).toBe('B003');

    const today = board.day;
    const [nancun] = (
      await hallWaiting(suite.dataSource, { county: '140525', from: today, to: today }, today)
    ).filter((town) => town.town === TOWN);
    expect(nancun).toEqual(
      expect.objectContaining({
        tickets: 5,
        called: 5,
        skipped: 1,
        averageWaitMinutes: 0,
        booked: 1,
        arrived: 1,
      }),
    );
  });
});
