import { randomBytes, randomUUID } from 'node:crypto';
import type { AuthUser } from '@oneseal/auth';
import { idNumberTail, lookupDigest, phoneTail } from '@oneseal/domain';
import { openSuiteDataSource, residentIdNumber, type SuiteDataSource } from '@oneseal/testing';
import { CaseErrorCode } from '../src/case-commands/case.errors';
import { CaseSearchService } from '../src/case-search/case-search.service';
import { CaseStepsService } from '../src/case-steps/case-steps.service';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { LIST_COUNTED_AT_MOST, MATCHES_COUNTED_AT_MOST } from '../src/case-search/typed-search';
import { supervisedCases } from '../src/supervision/supervised-cases';
import { ROUTING_SCHEMA } from '../src/config/routing.env';

const key = randomBytes(32);
const person = (roles: AuthUser['roles'], where: Partial<AuthUser> = {}): AuthUser => ({
  id: roles.join('+'),
  name: roles.join('+'),
  roles,
  county: '140525',
  ...where,
});
const nancunWindow = person(['town-window'], { town: '140525100' });
const neighbourWindow = person(['town-window'], { town: '140525101' });
const agent = person(['village-agent'], { town: '140525100', village: '140525100201' });
const civilAffairs = person(['county-officer'], { unitCode: '140525-mz' });
const supervisor = person(['supervisor']);
const qinshuiSupervisor = person(['supervisor'], { county: '140521' });

describe('finding a case by what a clerk knows, within their scope (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let search: CaseSearchService;
  let steps: CaseStepsService;
  const idNumber = residentIdNumber(1985);
  let wang: string;
  let li: string;
  let elsewhere: string;
  let atWindow: string;

  async function routed(fields: {
    applicantName: string;
    idNumber: string;
    phone: string;
    receiptNumber: string;
    town?: string;
    village?: string;
    /** Filed through the village's station (帮办代办): its route begins there. */
    viaStation?: boolean;
    matterName?: string;
    /** The case's id, when the test needs it before the case is recorded. */
    caseId?: string;
  }): Promise<string> {
    const caseId = fields.caseId ?? randomUUID();
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases
         (case_id, county, town, matter_code, matter_name, workflow_id, workflow_run_id, routed_at, receipt_number,
          applicant_name, applicant_id_tail, applicant_id_digest, applicant_phone_tail, applicant_phone_digest,
          village_code, committed_due_date, route)
       VALUES ($1::uuid, '140525', $2, 'ZZ-T-002', $3, $1::text, $1::text, now(), $4, $5, $6, $7, $8, $9, $10,
               current_date + 10, $11::jsonb)`,
      [
        caseId,
        fields.town ?? '140525100',
        fields.matterName ?? '临时救助',
        fields.receiptNumber,
        fields.applicantName,
        idNumberTail(fields.idNumber),
        lookupDigest(key, 'id-number', fields.idNumber),
        phoneTail(fields.phone),
        lookupDigest(key, 'phone', fields.phone),
        fields.village ?? null,
        JSON.stringify({
          steps: fields.viaStation
            ? [{ kind: '代办', level: 'village', unitCode: `${fields.village}-station` }]
            : [],
        }),
      ],
    );
    return caseId;
  }

  /**
   * `count` cases of one town written at once, as years of a busy town leave them: the n-th (from 1) named by
   * `nameOf` (SQL over n), filed `filed` ago; ended ones have a stage and the SQL of when they ended.
   */
  async function fileMany(many: {
    town: string;
    count: number;
    nameOf: string;
    filed: string;
    receiptDay: string;
    ended?: { stage: string; at: string };
  }): Promise<void> {
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases
         (case_id, county, town, matter_code, matter_name, workflow_id, workflow_run_id, routed_at, receipt_number,
          applicant_name, committed_due_date, route, stage, concluded_at)
       SELECT id, '140525', $1, 'ZZ-T-002', '临时救助', id::text, id::text, now() - $2::interval,
              '140525-' || $3 || '-' || lpad(n::text, 6, '0'), ${many.nameOf},
              current_date + ${many.ended ? 0 : 10}, '{"steps":[]}'::jsonb, ${many.ended ? `$4` : `'routed'`},
              ${many.ended ? many.ended.at : 'NULL'}
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${many.count}) AS n) AS cases`,
      [many.town, many.filed, many.receiptDay, ...(many.ended ? [many.ended.stage] : [])],
    );
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_search', { schema: ROUTING_SCHEMA, entities: [RoutedCase] });
    search = new CaseSearchService(suite.dataSource, {
      correctionWaitWorkingDays: 30,
      applicantLookupKey: key,
    });
    steps = new CaseStepsService(suite.dataSource);
    wang = await routed({
      applicantName: '王秀英',
      idNumber,
      phone: '13903561234',
      receiptNumber: '140525-20261204-000017',
      village: '140525100201',
      viaStation: true,
    });
    // Filed at the town's window by someone of the same village: the village's station had no part in it.
    atWindow = await routed({
      applicantName: '赵大勇',
      idNumber: residentIdNumber(1960),
      phone: '13600000000',
      receiptNumber: '140525-20261204-000020',
      village: '140525100201',
    });
    li = await routed({
      applicantName: '李明',
      idNumber: residentIdNumber(1970),
      phone: '13512345678',
      receiptNumber: '140525-20261204-000018',
      matterName: '老年人高龄补贴发放',
    });
    elsewhere = await routed({
      applicantName: '王秀英',
      idNumber: residentIdNumber(1990),
      phone: '13700000000',
      receiptNumber: '140525-20261204-000019',
      town: '140525101',
    });
  });

  afterAll(async () => {
    await suite?.close();
  });

  const found = async (user: AuthUser, q: string) =>
    (await search.search(user, { q, page: 1, pageSize: 50 })).items.map((item) => item.caseId);

  it('finds by receipt number or its last digits, name, ID number or its last digits, phone or its tail', async () => {
    expect(await found(nancunWindow, '140525-20261204-000017')).toEqual([wang]);
    expect(await found(nancunWindow, '0017')).toEqual([wang]);
    expect(await found(nancunWindow, '王秀英')).toEqual([wang]);
    expect(await found(nancunWindow, idNumber)).toEqual([wang]);
    expect(await found(nancunWindow, idNumber.slice(-6).toLowerCase())).toEqual([wang]);
    expect(await found(nancunWindow, '139 0356 1234')).toEqual([wang]);
    expect(await found(nancunWindow, '1234')).toEqual([wang]);
    expect(await found(nancunWindow, '高龄补贴')).toEqual([li]);
    expect(await found(nancunWindow, '%')).toEqual([]);
  });

  it('finds by any part of a name — one character, a given name, part of a matter — and not by scattered ones', async () => {
    expect(await found(nancunWindow, '王')).toEqual([wang]);
    expect(await found(nancunWindow, '秀英')).toEqual([wang]);
    expect((await found(nancunWindow, '救助')).sort()).toEqual([wang, atWindow].sort());
    expect(await found(nancunWindow, '王英')).toEqual([]);
    expect((await found(nancunWindow, '20261204-0000')).sort()).toEqual([wang, atWindow, li].sort());
    // Digits in a matter's name are found as well as in receipt numbers.
    const eighty = await routed({
      applicantName: '周桂兰',
      idNumber: residentIdNumber(1940),
      phone: '13800000002',
      receiptNumber: '140525-20261204-000022',
      town: '140525104',
      matterName: '80周岁以上老年人养老金的申请',
    });
    expect(await found(supervisor, '80')).toEqual([eighty]);
    expect(await found(supervisor, '000022')).toEqual([eighty]);
    // A character beyond the basic plane (as in some names) counts as one, in the index as in what was typed.
    const rare = await routed({
      applicantName: '𠮷田乐',
      idNumber: residentIdNumber(1975),
      phone: '13800000000',
      receiptNumber: '140525-20261204-000021',
      town: '140525103',
    });
    expect(await found(supervisor, '𠮷')).toEqual([rare]);
    expect(await found(supervisor, '𠮷田')).toEqual([rare]);
    expect(await found(supervisor, '田乐')).toEqual([rare]);
  });

  it('shows each person only the cases their role and place reach', async () => {
    expect(await found(neighbourWindow, '王秀英')).toEqual([elsewhere]);
    expect(await found(agent, '王秀英')).toEqual([wang]);
    expect(await found(agent, '赵大勇')).toEqual([]);
    expect(await found(nancunWindow, '赵大勇')).toEqual([atWindow]);
    expect((await found(supervisor, '王秀英')).sort()).toEqual([wang, elsewhere].sort());
    expect(await found(qinshuiSupervisor, '王秀英')).toEqual([]);
    // A county bureau sees a case once a step of it has reached the bureau.
    expect(await found(civilAffairs, '王秀英')).toEqual([]);
    await steps.opened({
      caseId: wang,
      taskId: randomUUID(),
      stepName: '决定',
      level: 'county',
      unitCode: '140525-mz',
      openedAt: new Date().toISOString(),
      dueDate: '2026-12-20',
    });
    expect(await found(civilAffairs, '王秀英')).toEqual([wang]);
  });

  it('takes a first task announced while its case is still being recorded, and refuses one of a case never routed', async () => {
    const caseId = randomUUID();
    const task = {
      caseId,
      taskId: randomUUID(),
      stepName: '受理',
      level: 'town' as const,
      unitCode: '140525100-window',
      openedAt: new Date().toISOString(),
      dueDate: '2026-12-20',
    };
    // Routing commits the case a moment after the task's announcement reached it (it starts the workflow first).
    const recording = new Promise((resolve) => setTimeout(resolve, 150)).then(() =>
      routed({
        caseId,
        applicantName: '周晓梅',
        idNumber: '140525199001011234',
        phone: '13900001111',
        receiptNumber: '140525-20261207-000777',
      }),
    );
    await steps.opened(task);
    await recording;
    const [row] = (await suite.dataSource.query(
      `SELECT current_step, current_unit FROM routing.routed_cases WHERE case_id = $1`,
      [caseId],
    )) as { current_step: string; current_unit: string }[];
    expect(row).toEqual({ current_step: '受理', current_unit: '140525100-window' });
    // A case routing never recorded: redelivered (retried by Kafka) until its grace runs out.
    await expect(steps.opened({ ...task, caseId: randomUUID(), taskId: randomUUID() })).rejects.toThrow(
      /is not routed yet; retrying/,
    );
  });

  it('lists the step a case waits at and its due date; a late decision never clears a newer step', async () => {
    const [review, decide] = [randomUUID(), randomUUID()];
    const opened = (taskId: string, stepName: string, unitCode: string, at: string, dueDate: string) =>
      steps.opened({ caseId: li, taskId, stepName, level: 'town', unitCode, openedAt: at, dueDate });
    await opened(decide, '决定', '140525100-approval', '2026-12-04T03:00:00.000Z', '2026-12-11');
    // The review's opening and decision arrive after the next step opened (two topics, no order between them).
    await opened(review, '审核', '140525100-review', '2026-12-04T02:00:00.000Z', '2026-12-09');
    await steps.decided({
      caseId: li,
      taskId: review,
      stepName: '审核',
      level: 'town',
      unitCode: '140525100-review',
      action: '通过',
      handlerId: 'rev-1',
      opinion: '同意',
      startedAt: '2026-12-04T02:00:00.000Z',
      endedAt: '2026-12-04T02:30:00.000Z',
    });
    const [row] = (await search.search(nancunWindow, { q: '李明', page: 1, pageSize: 10 })).items;
    expect(row).toEqual(
      expect.objectContaining({
        receiptNumber: '140525-20261204-000018',
        applicantName: '李明',
        matterName: '老年人高龄补贴发放',
        currentStep: '决定',
        currentUnit: '140525100-approval',
        dueDate: '2026-12-11',
      }),
    );
    expect(typeof row.workingDaysLeft).toBe('number');
    // While a 补正 is awaited the clock stands still: no days are counted down against it.
    await suite.dataSource.query(
      `UPDATE routing.routed_cases SET stage = 'awaiting-correction' WHERE case_id = $1`,
      [li],
    );
    const [waiting] = (await search.search(nancunWindow, { q: '李明', page: 1, pageSize: 10 })).items;
    expect(waiting).toEqual(expect.objectContaining({ dueDate: '2026-12-11', workingDaysLeft: null }));
    const [reached] = (await suite.dataSource.query(
      `SELECT reached_units FROM routing.routed_cases WHERE case_id = $1`,
      [li],
    )) as { reached_units: string[] }[];
    expect(reached.reached_units.sort()).toEqual(['140525100-approval', '140525100-review']);
    // Once it has ended (here withdrawn during 决定) it waits at no step, and has no days left to count.
    await suite.dataSource.query(
      `UPDATE routing.routed_cases SET concluded_at = now(), stage = 'concluded', result = '撤件' WHERE case_id = $1`,
      [li],
    );
    const [ended] = (await search.search(nancunWindow, { q: '李明', page: 1, pageSize: 10 })).items;
    expect(ended).toEqual(
      expect.objectContaining({ currentStep: null, currentUnit: null, dueDate: null, workingDaysLeft: null }),
    );
    expect(
      (await search.search(nancunWindow, { q: '李明', open: 'true', page: 1, pageSize: 10 })).total,
    ).toBe(0);
  });

  it('lets 电子监察 find a case the same way, by name or the last digits of the ID or receipt, with the matter’s name', async () => {
    const watched = async (q: string, town?: string) =>
      (await supervisedCases(suite.dataSource, { county: '140525', town, q, page: 1, pageSize: 50 }, key))
        .items;
    expect((await watched('王秀英')).map((item) => item.caseId).sort()).toEqual([wang, elsewhere].sort());
    expect((await watched('王秀英', '140525101')).map((item) => item.caseId)).toEqual([elsewhere]);
    expect((await watched(idNumber.slice(-6))).map((item) => item.caseId)).toEqual([wang]);
    const [row] = await watched('0018');
    expect(row).toEqual(expect.objectContaining({ caseId: li, matterName: '老年人高龄补贴发放' }));
    expect(await watched('王秀英', '140525102')).toEqual([]);
  });

  it('counts what a common name matches up to a thousand, and says there are more', async () => {
    // 1,005 cases of 钱 and three of 钱小兰 in 周村镇, written at once as a year of a busy town would leave them.
    await fileMany({
      town: '140525103',
      count: 1008,
      nameOf: `CASE WHEN n <= 3 THEN '钱小兰' ELSE '钱' || n END`,
      filed: '0 seconds',
      receiptDay: '20261101',
    });
    const watched = (q: string) =>
      supervisedCases(suite.dataSource, { county: '140525', q, page: 1, pageSize: 20 }, key);
    expect(await watched('钱')).toMatchObject({ total: MATCHES_COUNTED_AT_MOST, totalCapped: true });
    expect((await watched('钱')).items).toHaveLength(20);
    expect(await watched('钱小兰')).toMatchObject({ total: 3, totalCapped: false });
    const zhoucun = person(['town-window'], { town: '140525103' });
    expect(await search.search(zhoucun, { q: '钱', page: 1, pageSize: 20 })).toMatchObject({
      total: MATCHES_COUNTED_AT_MOST,
      totalCapped: true,
    });
    // Without anything typed, a town's whole list is counted exactly.
    const [{ all }] = (await suite.dataSource.query(
      `SELECT count(*)::int AS all FROM routing.routed_cases WHERE town = '140525103'`,
    )) as { all: number }[];
    expect(all).toBeGreaterThan(MATCHES_COUNTED_AT_MOST);
    expect(await search.search(zhoucun, { page: 1, pageSize: 20 })).toMatchObject({
      total: all,
      totalCapped: false,
    });
  });

  it('counts a list without anything typed up to ten thousand, says there are more, and still shows its pages', async () => {
    // 10,005 delivered cases in 高都镇, ended one a minute back from now, as years of a busy town leave them.
    await fileMany({
      town: '140525107',
      count: LIST_COUNTED_AT_MOST + 5,
      nameOf: `'周' || n`,
      filed: '3 years',
      receiptDay: '20231101',
      ended: { stage: 'delivered', at: 'now() - make_interval(mins => n)' },
    });
    const gaodu = person(['town-window'], { town: '140525107' });
    const delivered = await search.search(gaodu, { stage: 'delivered', page: 1, pageSize: 20 });
    expect(delivered).toMatchObject({ total: LIST_COUNTED_AT_MOST, totalCapped: true });
    // The latest ended first, as without the cap.
    expect(delivered.items.map((item) => item.applicantName)).toEqual(
      Array.from({ length: 20 }, (_, index) => `周${index + 1}`),
    );
    expect(
      (await search.search(gaodu, { stage: 'delivered', page: 2, pageSize: 20 })).items[0]?.applicantName,
    ).toBe('周21');
    // Supervision narrowed to a stage counts the same way.
    const watched = await supervisedCases(
      suite.dataSource,
      { county: '140525', town: '140525107', stage: 'delivered', page: 1, pageSize: 20 },
      key,
    );
    expect(watched).toMatchObject({ total: LIST_COUNTED_AT_MOST, totalCapped: true });
    // Exactly as many as the cap: counted, not "more than".
    await suite.dataSource.query(
      `DELETE FROM routing.routed_cases WHERE town = '140525107' AND applicant_name LIKE '周%'
          AND substring(applicant_name from 2)::int > ${LIST_COUNTED_AT_MOST}`,
    );
    expect(await search.search(gaodu, { stage: 'delivered', page: 1, pageSize: 20 })).toMatchObject({
      total: LIST_COUNTED_AT_MOST,
      totalCapped: false,
    });
    // Fewer than the cap: the exact number.
    await suite.dataSource.query(
      `DELETE FROM routing.routed_cases WHERE town = '140525107' AND applicant_name LIKE '周%'
          AND substring(applicant_name from 2)::int > 10`,
    );
    expect(await search.search(gaodu, { stage: 'delivered', page: 1, pageSize: 20 })).toMatchObject({
      total: 10,
      totalCapped: false,
    });
  });

  it('lists the latest ended cases of a common name first, past a thousand matches, and none that do not match', async () => {
    // 1,010 ended cases of 赵 in 犁川镇, one a day back from yesterday, and newer ended cases of other names.
    await fileMany({
      town: '140525104',
      count: 1020,
      nameOf: `CASE WHEN n <= 10 THEN '孙' || n ELSE '赵' || n END`,
      filed: '4 years',
      receiptDay: '20221101',
      ended: { stage: 'concluded', at: 'now() - make_interval(days => n)' },
    });
    const lichuan = person(['town-window'], { town: '140525104' });
    const found = await search.search(lichuan, { q: '赵', page: 1, pageSize: 20 });
    expect(found).toMatchObject({ total: MATCHES_COUNTED_AT_MOST, totalCapped: true });
    expect(found.items.map((item) => item.applicantName)).toEqual(
      Array.from({ length: 20 }, (_, i) => `赵${i + 11}`),
    );
    const watched = await supervisedCases(
      suite.dataSource,
      { county: '140525', town: '140525104', q: '赵', page: 2, pageSize: 20 },
      key,
    );
    expect(watched).toMatchObject({ total: MATCHES_COUNTED_AT_MOST, totalCapped: true });
    expect(watched.items.map((item) => item.receiptNumber)).toEqual(
      Array.from({ length: 20 }, (_, i) => `140525-20221101-${String(i + 31).padStart(6, '0')}`),
    );
  });

  it('keeps a decided step decided, whatever order its events arrive in and however often', async () => {
    const caseId = await routed({
      applicantName: '孙桂兰',
      idNumber: residentIdNumber(1955),
      phone: '13300000000',
      receiptNumber: '140525-20261204-000021',
    });
    const [accept, review] = [randomUUID(), randomUUID()];
    const acceptance = {
      caseId,
      taskId: accept,
      stepName: '受理',
      level: 'town' as const,
      unitCode: '140525100-window',
      openedAt: '2026-12-04T01:00:00.000Z',
      dueDate: '2026-12-07',
    };
    const decision = {
      ...acceptance,
      action: '通过' as const,
      handlerId: 'win-1',
      opinion: '予以受理',
      startedAt: acceptance.openedAt,
      endedAt: '2026-12-04T01:10:00.000Z',
    };
    const stepOf = async () =>
      (
        (await suite.dataSource.query(
          `SELECT current_step AS step, current_task_id AS task FROM routing.routed_cases WHERE case_id = $1`,
          [caseId],
        )) as { step: string | null; task: string | null }[]
      )[0];
    // The decision comes in before the opening (two topics), then the opening again (a redelivery).
    await steps.decided(decision);
    await steps.opened(acceptance);
    await steps.opened(acceptance);
    expect(await stepOf()).toEqual({ step: null, task: null });
    await steps.opened({
      ...acceptance,
      taskId: review,
      stepName: '审核',
      unitCode: '140525100-review',
      openedAt: '2026-12-04T01:10:00.001Z',
    });
    await steps.opened(acceptance);
    await steps.decided(decision);
    expect(await stepOf()).toEqual({ step: '审核', task: review });
  });

  it('lists the cases filed between two days, each counted on its Beijing date', async () => {
    const town = '140525105';
    const filedAt = async (name: string, receipt: string, beijingTime: string) => {
      const caseId = await routed({
        applicantName: name,
        idNumber: residentIdNumber(1975),
        phone: '13800000002',
        receiptNumber: receipt,
        town,
      });
      await suite.dataSource.query(
        `UPDATE routing.routed_cases SET routed_at = ($2::timestamp AT TIME ZONE 'Asia/Shanghai') WHERE case_id = $1`,
        [caseId, beijingTime],
      );
      return caseId;
    };
    // Late on 11月30日 in Beijing is still 30 November; ten past midnight is 1 December (16:10 UTC of the 30th).
    await filedAt('周一', '140525-20261130-000201', '2026-11-30 23:50:00');
    const justAfterMidnight = await filedAt('周二', '140525-20261201-000202', '2026-12-01 00:10:00');
    const lastMinute = await filedAt('周三', '140525-20261201-000203', '2026-12-01 23:59:30');
    await filedAt('周四', '140525-20261202-000204', '2026-12-02 00:00:00');
    const townWindow = person(['town-window'], { town });
    const oneDay = await search.search(townWindow, {
      from: '2026-12-01',
      to: '2026-12-01',
      page: 1,
      pageSize: 10,
    });
    expect(oneDay.total).toBe(2);
    expect(oneDay.items.map((item) => item.caseId).sort()).toEqual([justAfterMidnight, lastMinute].sort());
    const since = await search.search(townWindow, { from: '2026-12-01', page: 1, pageSize: 10 });
    expect(since.items.map((item) => item.applicantName).sort()).toEqual(['周三', '周二', '周四'].sort());
    const until = await search.search(townWindow, { to: '2026-11-30', page: 1, pageSize: 10 });
    expect(until.items.map((item) => item.applicantName)).toEqual(['周一']);
    await expect(
      search.search(townWindow, { from: '2026-12-02', to: '2026-12-01', page: 1, pageSize: 10 }),
    ).rejects.toMatchObject({
      code: CaseErrorCode.DATES_REVERSED,
      message: '提交日期有误：起始日期不能晚于截止日期',
    });
  });

  it('lists a month’s delivered cases of a town, the latest delivered first, page after page', async () => {
    const town = '140525106';
    const delivered = async (name: string, filedDaysAgo: number, deliveredHoursAgo: number) => {
      const caseId = await routed({
        applicantName: name,
        idNumber: residentIdNumber(1982),
        phone: '13800000003',
        receiptNumber: `140525-20261201-0003${String(filedDaysAgo).padStart(2, '0')}`,
        town,
      });
      await suite.dataSource.query(
        `UPDATE routing.routed_cases SET stage = 'delivered', result = '准予',
            routed_at = now() - make_interval(days => $2), concluded_at = now() - make_interval(hours => $3)
          WHERE case_id = $1`,
        [caseId, filedDaysAgo, deliveredHoursAgo],
      );
      return caseId;
    };
    // Filed in one order, delivered in another: the list goes by when each was delivered.
    const second = await delivered('钱一', 3, 20);
    const first = await delivered('钱二', 2, 5);
    const third = await delivered('钱三', 1, 30);
    await delivered('钱四', 40, 2); // filed before the days asked for
    await routed({
      applicantName: '钱五',
      idNumber: residentIdNumber(1983),
      phone: '13800000004',
      receiptNumber: '140525-20261201-000399',
      town,
    });
    const beijingDay = (daysAgo: number) =>
      new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const townWindow = person(['town-window'], { town });
    const month = { stage: 'delivered' as const, from: beijingDay(10), to: beijingDay(0), pageSize: 2 };
    const page1 = await search.search(townWindow, { ...month, page: 1 });
    const page2 = await search.search(townWindow, { ...month, page: 2 });
    expect(page1).toMatchObject({ total: 3, totalCapped: false });
    expect([...page1.items, ...page2.items].map((item) => item.caseId)).toEqual([first, second, third]);
    expect(page1.items[0]).toMatchObject({
      applicantName: '钱二',
      stage: 'delivered',
      resultText: expect.any(String),
      currentStep: null,
      dueDate: null,
      workingDaysLeft: null,
    });
  });

  it('lists the cases still open first, nearest date first, then the ended ones, the latest first', async () => {
    const town = '140525102';
    const filed = async (name: string, receipt: string) =>
      routed({
        applicantName: name,
        idNumber: residentIdNumber(1980),
        phone: '13800000001',
        receiptNumber: receipt,
        town,
      });
    // Filed in this order; ended in the other: what counts for an ended case is when it ended.
    const endedYesterday = await filed('孙二', '140525-20250101-000102');
    const endedLongAgo = await filed('孙一', '140525-20250101-000101');
    const open = await filed('孙三', '140525-20250101-000103');
    await suite.dataSource.query(
      `UPDATE routing.routed_cases SET concluded_at = now() - make_interval(days => $2), result = '准予', stage = 'concluded'
        WHERE case_id = $1`,
      [endedLongAgo, 400],
    );
    await suite.dataSource.query(
      `UPDATE routing.routed_cases SET concluded_at = now() - interval '1 day', result = '准予', stage = 'concluded'
        WHERE case_id = $1`,
      [endedYesterday],
    );
    const townWindow = person(['town-window'], { town });
    const found = await search.search(townWindow, { page: 1, pageSize: 2 });
    const next = await search.search(townWindow, { page: 2, pageSize: 2 });
    expect(found.total).toBe(3);
    expect([...found.items, ...next.items].map((item) => item.caseId)).toEqual([
      open,
      endedYesterday,
      endedLongAgo,
    ]);
    // The same order when a name was typed (its few matches are found through the name index and sorted).
    const named = await search.search(townWindow, { q: '孙', page: 1, pageSize: 10 });
    expect(named).toMatchObject({ total: 3, totalCapped: false });
    expect(named.items.map((item) => item.caseId)).toEqual([open, endedYesterday, endedLongAgo]);
    const watched = await supervisedCases(
      suite.dataSource,
      { county: '140525', town, q: '孙', page: 1, pageSize: 10 },
      key,
    );
    expect(watched.items.map((item) => item.caseId)).toEqual([open, endedYesterday, endedLongAgo]);
  });
});
