import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type {
  ApplicationSubmittedV1,
  CaseAcceptedV1,
  CaseConcludedV1,
  EventEnvelope,
  StepDecidedV1,
} from '@oneseal/contracts';
import {
  caseEnvelope,
  formDataFor,
  ONE_PAGE_PDF,
  ONE_PIXEL_PNG,
  openSuiteDataSource,
  residentIdNumber,
  type SuiteDataSource,
} from '@oneseal/testing';
import { Application } from '../src/applications/application.entity';
import { ApplicationsService } from '../src/applications/applications.service';
import { AttachmentsService } from '../src/case-files/attachments/attachments.service';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import { MatterOfferingService } from '../src/catalogue/matter-offering.service';
import { SeedSources } from '../src/catalogue/seed-sources';
import { INTAKE_SCHEMA } from '../src/config/intake.env';
import { OnlineFilingService } from '../src/online-filing/online-filing.service';
import { onlineHandlingReport } from '../src/online-handling/online-handling-report';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';
import type { GuideRecord, StageRecord } from '../src/provincial-exchange/exchange-api';
import { ExchangeFailure, ProvincialExchangeClient } from '../src/provincial-exchange/exchange-client';
import { ExchangeRounds } from '../src/provincial-exchange/exchange-rounds';
import { exchangeStatusOf } from '../src/provincial-exchange/exchange-status';
import {
  MAX_TRIES_OF_ONE_APPLICATION,
  ProvincialApplicationIntake,
  UNPROCESSABLE_APPLICATION,
} from '../src/provincial-exchange/provincial-applications';
import { ProvincialPushQueue } from '../src/provincial-exchange/provincial-push-queue';
import {
  acceptedStage,
  concludedStage,
  stepStage,
  submittedStage,
} from '../src/provincial-exchange/stage-records';
import { StageRecorder } from '../src/provincial-exchange/stage-recorder';

const seeds = new SeedSources(resolve(__dirname, '../../../seeds'));
const STAND_IN = resolve(__dirname, '../../../deploy/test-support/provincial-exchange-stand-in.mjs');
const APP_ID = 'oneseal-test';
const APP_SECRET = randomBytes(16).toString('hex');
// 城乡居民基本养老保险参保登记, made 全程网办 in this suite's database; 7 is handled at the window only.
const ONLINE_MATTER = 'ZZ-T-032';
const WINDOW_ONLY_MATTER = 'ZZ-T-007';
const phoneNumber = () => `139${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;

interface StandInState {
  requests: number;
  guides: GuideRecord[];
  stages: StageRecord[];
  answers: Record<
    string,
    { status: string; caseNumber?: string; reasonCode?: string; reason?: string; answers: number }
  >;
}

/** The province's exchange, as a separate process speaking HTTP: what intake's adapter is tested against. */
class StandIn {
  constructor(readonly url: string) {}

  async admin<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/_stand-in/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return (await response.json()) as T;
  }

  state = () => this.admin<StandInState>('state');
}

async function startStandIn(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [STAND_IN, '--port', '0'], {
    env: { ...process.env, PROVINCIAL_EXCHANGE_APP_ID: APP_ID, PROVINCIAL_EXCHANGE_APP_SECRET: APP_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('the stand-in has no stdout');
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((done, fail) => {
    lines.once('line', done);
    child.once('exit', (code) => fail(new Error(`the stand-in exited with ${code}`)));
  });
  return { url: (JSON.parse(first) as { url: string }).url, child };
}

describe('省一体化在线政务服务平台: guides and case stages out, 一网通办 applications in (real PostgreSQL, a stand-in province over HTTP)', () => {
  let suite: SuiteDataSource;
  let standIn: StandIn;
  let child: ChildProcess;
  let queue: ProvincialPushQueue;
  let recorder: StageRecorder;
  let rounds: ExchangeRounds;
  let online: OnlineFilingService;
  const logger = { warn: () => undefined, log: () => undefined };
  const settings = { retryBaseMs: 20, retryMaxMs: 40, leaseMs: 60_000 };

  const province = {
    applicationId: 'SX-2026-000123',
    submittedAt: '2026-12-05T09:30:00.000Z',
    county: '140525',
    town: '140525100',
    matterCode: ONLINE_MATTER,
    applicant: { name: '赵桂兰', idNumber: residentIdNumber(1957), phone: phoneNumber() },
    formData: formDataFor(seeds.forms().forMatter(ONLINE_MATTER)),
    deliveryMethod: 'electronic',
    pages: [
      {
        materialName: '申请人有效身份证件',
        fileName: '身份证.pdf',
        contentBase64: ONE_PAGE_PDF.toString('base64'),
      },
      { materialName: '申请表', fileName: '申请表.png', contentBase64: ONE_PIXEL_PNG.toString('base64') },
    ],
  };
  /** Rounds until nothing is left to do that is due now (a retry waits tens of milliseconds here). */
  const settle = async (times = 6) => {
    for (let round = 0; round < times; round += 1) {
      await rounds.runOnce();
      await new Promise((done) => setTimeout(done, 50));
    }
  };
  const pushRow = async (key: string) =>
    (
      (await suite.dataSource.query(
        `SELECT status, attempts, last_error AS "lastError" FROM intake.provincial_pushes WHERE key = $1`,
        [key],
      )) as { status: string; attempts: number; lastError: string | null }[]
    )[0];

  /** An application filed on the 一网通办 portal with its two pages, as an applicant files it. */
  const filedOnline = (applicantName: string, applicantIdNumber: string) =>
    online.file(
      { phone: phoneNumber() },
      {
        county: '140525',
        town: '140525100',
        matterCode: ONLINE_MATTER,
        applicantName,
        applicantIdNumber,
        formData: formDataFor(seeds.forms().forMatter(ONLINE_MATTER)),
        deliveryMethod: 'electronic',
        pageMaterials: ['申请人有效身份证件', '申请表'],
      },
      [
        { originalname: '身份证.pdf', buffer: ONE_PAGE_PDF },
        { originalname: '申请表.png', buffer: ONE_PIXEL_PNG },
      ],
    );

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake_provincial_exchange', {
      schema: INTAKE_SCHEMA,
      entities: [Application],
    });
    await seedCatalogue(suite.dataSource, seeds);
    await suite.dataSource.query(
      `UPDATE intake.matter_versions SET guide = guide || '{"onlineDepth": 4, "onSiteVisits": 0}'::jsonb
        WHERE matter_code = $1`,
      [ONLINE_MATTER],
    );
    const started = await startStandIn();
    child = started.child;
    standIn = new StandIn(started.url);
    const lookupKey = randomBytes(32);
    const offering = new MatterOfferingService(suite.dataSource);
    online = new OnlineFilingService(
      new ApplicationsService(suite.dataSource, offering, lookupKey, new PersonalDataCipher(randomBytes(32))),
      offering,
      new AttachmentsService(suite.dataSource),
      lookupKey,
    );
    const client = new ProvincialExchangeClient({
      url: started.url,
      appId: APP_ID,
      appSecret: APP_SECRET,
      timeoutMs: 5000,
    });
    // Stages go out at once here: the test sends its events in the order it wants to see handled.
    queue = new ProvincialPushQueue(suite.dataSource, 0);
    recorder = new StageRecorder(suite.dataSource, queue);
    const applications = new ProvincialApplicationIntake(
      suite.dataSource,
      online,
      client,
      { pageSize: 2, ...settings },
      logger,
    );
    rounds = new ExchangeRounds(
      suite.dataSource,
      queue,
      client,
      applications,
      { batch: 50, guideEveryRounds: 1, ...settings },
      logger,
    );
  });

  afterAll(async () => {
    child?.kill('SIGTERM');
    await suite?.close();
  });

  it('publishes every matter’s guide in force to the province, and a new version again, once each', async () => {
    await settle(4);
    const matters = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM intake.matters WHERE county_code = '140525'`,
    )) as { n: number }[];
    let state = await standIn.state();
    expect(state.guides).toHaveLength(matters[0].n);
    const pension = state.guides.find((guide) => guide.matterCode === ONLINE_MATTER);
    expect(pension).toEqual(
      expect.objectContaining({
        matterName: '城乡居民基本养老保险参保登记',
        county: '140525',
        version: 1,
        status: '在用',
        implementingUnit: expect.stringMatching(/局$/),
        guide: expect.objectContaining({ onlineDepth: 4 }),
      }),
    );

    const requestsBefore = state.requests;
    await settle(2);
    expect((await standIn.state()).requests).toBe(requestsBefore + 2 * 2);

    await suite.dataSource.query(
      `INSERT INTO intake.matter_versions (matter_code, version, guide)
       SELECT matter_code, 2, guide || '{"onSiteVisits": 1}'::jsonb FROM intake.matter_versions
        WHERE matter_code = $1 AND version = 1`,
      [WINDOW_ONLY_MATTER],
    );
    await suite.dataSource.query(`UPDATE intake.matters SET current_version = 2 WHERE code = $1`, [
      WINDOW_ONLY_MATTER,
    ]);
    await settle(2);
    state = await standIn.state();
    expect(state.guides.find((guide) => guide.matterCode === WINDOW_ONLY_MATTER)?.version).toBe(2);

    // Withdrawn by an import, then listed again by a later one at the same version: 停用, then 在用 again.
    await suite.dataSource.query(`UPDATE intake.matters SET withdrawn_at = now() WHERE code = $1`, [
      WINDOW_ONLY_MATTER,
    ]);
    await settle(2);
    expect(
      (await standIn.state()).guides.find((guide) => guide.matterCode === WINDOW_ONLY_MATTER)?.status,
    ).toBe('停用');
    await suite.dataSource.query(
      `UPDATE intake.matters SET withdrawn_at = NULL, reinstated_at = now() + interval '1 second' WHERE code = $1`,
      [WINDOW_ONLY_MATTER],
    );
    await settle(2);
    expect((await standIn.state()).guides.find((guide) => guide.matterCode === WINDOW_ONLY_MATTER)).toEqual(
      expect.objectContaining({ version: 2, status: '在用' }),
    );
  });

  it('takes in an application from the 一网通办 portal as a case of its own channel, with its pages, and answers the province with the 办件编号', async () => {
    await standIn.admin('applications', province);
    await settle(3);
    const [filed] = (await suite.dataSource.query(
      `SELECT a.id, a.channel, a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName",
              (SELECT count(*)::int FROM intake.attachments t WHERE t.case_id = a.id) AS pages
         FROM intake.provincial_applications p JOIN intake.applications a ON a.id = p.case_id
        WHERE p.application_id = $1`,
      [province.applicationId],
    )) as { id: string; channel: string; receiptNumber: string; applicantName: string; pages: number }[];
    expect(filed).toEqual(
      expect.objectContaining({ channel: 'provincial-portal', applicantName: '赵桂兰', pages: 2 }),
    );
    const submitted = (await suite.dataSource.query(
      `SELECT envelope->'payload'->>'channel' AS channel FROM intake.outbox
        WHERE message_key = $1 AND envelope->>'type' = 'intake.application-submitted'`,
      [filed.id],
    )) as { channel: string }[];
    expect(submitted).toEqual([{ channel: 'provincial-portal' }]);
    expect((await standIn.state()).answers[province.applicationId]).toEqual(
      expect.objectContaining({ status: 'received', caseNumber: filed.receiptNumber, answers: 1 }),
    );
    // It counts among the town's cases filed online (网上办件率).
    const submittedOn = (
      (await suite.dataSource.query(
        `SELECT to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM intake.applications
          WHERE id = $1`,
        [filed.id],
      )) as { day: string }[]
    )[0].day;
    const rate = await onlineHandlingReport(suite.dataSource, {
      county: '140525',
      from: submittedOn,
      to: submittedOn,
    });
    expect(rate.towns.find((town) => town.town === '140525100')).toEqual(
      expect.objectContaining({ received: 1, online: 1 }),
    );

    // The province lists it again (its cursor was lost): nothing is filed twice, nothing answered twice.
    await standIn.admin('applications', province);
    await settle(3);
    const cases = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM intake.applications WHERE channel = 'provincial-portal'`,
    )) as { n: number }[];
    expect(cases[0].n).toBe(1);
    expect((await standIn.state()).answers[province.applicationId].answers).toBe(1);
  });

  it('declines what the window would refuse, in the window’s words, and files nothing', async () => {
    const before = (await suite.dataSource.query(`SELECT count(*)::int AS n FROM intake.applications`)) as {
      n: number;
    }[];
    await standIn.admin('applications', {
      ...province,
      applicationId: 'SX-2026-000124',
      matterCode: WINDOW_ONLY_MATTER,
    });
    await standIn.admin('applications', {
      ...province,
      applicationId: 'SX-2026-000125',
      applicant: { ...province.applicant, phone: '12345' },
    });
    await standIn.admin('applications', {
      ...province,
      applicationId: 'SX-2026-000126',
      pages: [province.pages[1]],
    });
    await settle(3);
    const answers = (await standIn.state()).answers;
    expect(answers['SX-2026-000124']).toEqual(
      expect.objectContaining({
        status: 'declined',
        reasonCode: 'ONLINE.NOT_ONLINE',
        reason: expect.stringContaining('该事项暂不能网上申请'),
      }),
    );
    expect(answers['SX-2026-000125']).toEqual(
      expect.objectContaining({
        status: 'declined',
        reasonCode: 'EXCHANGE.APPLICATION_MALFORMED',
        reason: expect.stringContaining('申请人手机号码有误'),
      }),
    );
    expect(answers['SX-2026-000126']).toEqual(
      expect.objectContaining({
        status: 'declined',
        reasonCode: 'ONLINE.MATERIALS_NOT_UPLOADED',
        reason: expect.stringContaining('申请人有效身份证件'),
      }),
    );
    const after = (await suite.dataSource.query(`SELECT count(*)::int AS n FROM intake.applications`)) as {
      n: number;
    }[];
    expect(after[0].n).toBe(before[0].n);
  });

  it('keeps retrying an application our side cannot file, declines it only after an hour of tries, then goes on', async () => {
    // Something of ours refuses this applicant's record (as a broken database rule would), not the application.
    const rule = `test_refuses_${randomBytes(4).toString('hex')}`;
    const owner = await suite.owner();
    await owner.query(
      `ALTER TABLE intake.applications ADD CONSTRAINT ${rule} CHECK (applicant_name <> '钱存不下') NOT VALID`,
    );
    const cursor = async () =>
      (
        (await suite.dataSource.query(
          `SELECT stuck_application AS application, stuck_attempts AS attempts FROM intake.provincial_pull_cursors
            WHERE county = '140525'`,
        )) as { application: string | null; attempts: number }[]
      )[0];
    try {
      await standIn.admin('applications', {
        ...province,
        applicationId: 'SX-2026-000130',
        applicant: { ...province.applicant, name: '钱存不下' },
      });
      await standIn.admin('applications', {
        ...province,
        applicationId: 'SX-2026-000131',
        applicant: { ...province.applicant, name: '孙后来' },
      });
      await settle(8);
      // Tried again and again, never declined: a few seconds of our failing must not turn the applicant away.
      expect(await cursor()).toEqual({ application: 'SX-2026-000130', attempts: expect.any(Number) });
      expect((await cursor()).attempts).toBeGreaterThanOrEqual(MAX_TRIES_OF_ONE_APPLICATION);
      const waiting = (await standIn.state()).answers;
      expect(waiting['SX-2026-000130']).toBeUndefined();
      // The one behind it waits its turn.
      expect(waiting['SX-2026-000131']).toBeUndefined();

      // An hour of failing later, it is declined with a reason the applicant can act on, and the pull goes on.
      await suite.dataSource.query(
        `UPDATE intake.provincial_pull_cursors SET stuck_since = now() - interval '61 minutes' WHERE county = '140525'`,
      );
      await settle(4);
      const answers = (await standIn.state()).answers;
      expect(answers['SX-2026-000130']).toEqual(
        expect.objectContaining({
          status: 'declined',
          reasonCode: UNPROCESSABLE_APPLICATION,
          reason: expect.stringContaining('请申请人重新提交或到便民服务中心窗口办理'),
        }),
      );
      expect(answers['SX-2026-000131']).toEqual(expect.objectContaining({ status: 'received' }));
      const filed = (await suite.dataSource.query(
        `SELECT applicant_name AS name FROM intake.applications a JOIN intake.provincial_applications p ON p.case_id = a.id
          WHERE p.application_id IN ('SX-2026-000130', 'SX-2026-000131')`,
      )) as { name: string }[];
      expect(filed).toEqual([{ name: '孙后来' }]);
    } finally {
      await owner.query(`ALTER TABLE intake.applications DROP CONSTRAINT ${rule}`);
    }
  });

  it('pushes each stage of a case once, in the order it happened, through the province’s outages', async () => {
    const filed = await filedOnline('李建国', residentIdNumber(1960));
    const [{ envelope: submitted }] = (await suite.dataSource.query(
      `SELECT envelope FROM intake.outbox WHERE message_key = $1 AND envelope->>'type' = 'intake.application-submitted'`,
      [filed.caseId],
    )) as { envelope: EventEnvelope<ApplicationSubmittedV1> }[];
    const at = (minutes: number) =>
      new Date(Date.parse(submitted.occurredAt) + minutes * 60_000).toISOString();
    const accepted = caseEnvelope<CaseAcceptedV1>(filed.caseId, 'routing.case-accepted', {
      caseId: filed.caseId,
      receiptNumber: filed.receiptNumber,
      matterCode: ONLINE_MATTER,
      matterVersion: 1,
      acceptedAt: at(5),
      committedDueDate: '2026-12-18',
      dueDateProvisional: false,
    });
    const reviewed = caseEnvelope<StepDecidedV1>(filed.caseId, 'approval.step-decided', {
      caseId: filed.caseId,
      taskId: 'task-1',
      stepName: '审核',
      level: 'town',
      unitCode: '140525100-review',
      action: '通过',
      handlerId: 'reviewer-1',
      handlerName: '张敏',
      opinion: '材料齐全，符合参保条件',
      startedAt: at(6),
      endedAt: at(30),
    });
    const concluded = caseEnvelope<CaseConcludedV1>(filed.caseId, 'routing.case-concluded', {
      caseId: filed.caseId,
      result: '准予',
      concludedAt: at(60),
      onTime: true,
    });

    // The province is down for the first attempts; the events arrive out of order, and one of them twice.
    await standIn.admin('failures', { count: 3, status: 503 });
    await recorder.record(concluded, concludedStage);
    await recorder.record(reviewed, stepStage);
    await recorder.record(submitted, submittedStage);
    await recorder.record(accepted, acceptedStage);
    await recorder.record(accepted, acceptedStage);
    await settle(8);

    const stages = (await standIn.state()).stages.filter((stage) => stage.caseNumber === filed.receiptNumber);
    expect(stages.map((stage) => stage.stage)).toEqual(['申办', '受理', '办理', '办结']);
    expect(stages[0]).toEqual(
      expect.objectContaining({
        matterName: '城乡居民基本养老保险参保登记',
        application: expect.objectContaining({ channel: '网上申请', applicantName: '李建国' }),
      }),
    );
    expect(stages[1].acceptance).toEqual({ committedDueDate: '2026-12-18', deemed: false });
    expect(stages[2]).toEqual(
      expect.objectContaining({
        handler: '张敏',
        step: expect.objectContaining({ name: '审核', action: '通过', opinion: '材料齐全，符合参保条件' }),
      }),
    );
    expect(stages[3].conclusion).toEqual({ result: '准予', onTime: true });
    const firstPush = await pushRow(`stage:${submitted.id}`);
    expect(firstPush.status).toBe('sent');
    expect(firstPush.attempts).toBeGreaterThan(1);
    // Each push is kept with the province's own reference of what it stored.
    const pushes = (await suite.dataSource.query(
      `SELECT status, province_reference AS reference, body->>'recordId' AS "recordId"
         FROM intake.provincial_pushes WHERE subject = $1`,
      [`case:${filed.receiptNumber}`],
    )) as { status: string; reference: string; recordId: string }[];
    expect(pushes).toHaveLength(4);
    for (const push of pushes)
      expect(push).toEqual({ ...push, status: 'sent', reference: `S-${push.recordId}` });
  });

  it('keeps the province’s reference of each push it took when a batch breaks off partway, and sends the rest later', async () => {
    const submittedStages: EventEnvelope<ApplicationSubmittedV1>[] = [];
    for (const name of ['周一鸣', '周二鸣', '周三鸣']) {
      const filed = await filedOnline(name, residentIdNumber(1962));
      const [{ envelope }] = (await suite.dataSource.query(
        `SELECT envelope FROM intake.outbox WHERE message_key = $1 AND envelope->>'type' = 'intake.application-submitted'`,
        [filed.caseId],
      )) as { envelope: EventEnvelope<ApplicationSubmittedV1> }[];
      submittedStages.push(envelope);
    }
    // Three cases' first stages go out in one batch; the province takes two and is down for the third.
    for (const envelope of submittedStages) await recorder.record(envelope, submittedStage);
    await standIn.admin('failures', { after: 2, count: 1, status: 503 });
    await rounds.runOnce();
    const pushesOf = async () =>
      (await suite.dataSource.query(
        `SELECT status, province_reference AS reference, body->>'recordId' AS "recordId", last_error AS "lastError"
           FROM intake.provincial_pushes WHERE key = ANY($1) ORDER BY happened_at`,
        [submittedStages.map((envelope) => `stage:${envelope.id}`)],
      )) as { status: string; reference: string | null; recordId: string; lastError: string | null }[];
    // A batch goes out in no particular order between cases: whichever two the province took are marked with their
    // own references, the one it did not take waits with what the province said.
    const afterRound = await pushesOf();
    const taken = afterRound.filter((push) => push.status === 'sent');
    expect(taken).toHaveLength(2);
    for (const push of taken)
      expect(push).toEqual({ ...push, reference: `S-${push.recordId}`, lastError: null });
    expect(afterRound.filter((push) => push.status !== 'sent')).toEqual([
      expect.objectContaining({
        status: 'pending',
        reference: null,
        lastError: expect.stringContaining('503'),
      }),
    ]);
    await settle(3);
    expect((await pushesOf()).map((push) => [push.status, push.reference])).toEqual(
      afterRound.map((push) => ['sent', `S-${push.recordId}`]),
    );
  });

  it('keeps what the province refuses with its words, shows it to the county, and sends it again when asked', async () => {
    const broken = caseEnvelope<CaseConcludedV1>(
      '00000000-0000-4000-8000-000000000000',
      'routing.case-concluded',
      {
        caseId: '00000000-0000-4000-8000-000000000000',
        result: '准予',
        concludedAt: new Date().toISOString(),
        onTime: true,
      },
    );
    await expect(recorder.record(broken, concludedStage)).rejects.toThrow(/not among intake's applications/);

    const [someCase] = (await suite.dataSource.query(
      `SELECT id FROM intake.applications ORDER BY submitted_at LIMIT 1`,
    )) as { id: string }[];
    const refusedEvent = caseEnvelope<CaseConcludedV1>(someCase.id, 'routing.case-concluded', {
      caseId: someCase.id,
      result: '准予',
      concludedAt: new Date().toISOString(),
      onTime: true,
    });
    await standIn.admin('failures', { count: 1, status: 400 });
    await recorder.record(refusedEvent, concludedStage);
    await settle(1);
    expect(await pushRow(`stage:${refusedEvent.id}`)).toEqual(
      expect.objectContaining({
        status: 'refused',
        lastError: expect.stringContaining('省平台暂时无法处理'),
      }),
    );
    const status = await exchangeStatusOf(suite.dataSource, '140525', true);
    expect(status.troubles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: `stage:${refusedEvent.id}`, stage: '办结', status: 'refused' }),
      ]),
    );
    expect(status.applications.find((row) => row.applicationId === province.applicationId)).toEqual(
      expect.objectContaining({ status: 'filed', matterName: '城乡居民基本养老保险参保登记' }),
    );
    expect(await queue.requeue(`stage:${refusedEvent.id}`, '140524')).toBe(false);
    expect(await queue.requeue(`stage:${refusedEvent.id}`, '140525')).toBe(true);
    await settle(1);
    expect((await pushRow(`stage:${refusedEvent.id}`)).status).toBe('sent');
  });

  it('is refused by the province when its requests are not signed with the county’s secret', async () => {
    const stranger = new ProvincialExchangeClient({
      url: standIn.url,
      appId: APP_ID,
      appSecret: 'not-the-secret',
      timeoutMs: 5000,
    });
    const failure = await stranger.pullApplications('140525', null, 1).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExchangeFailure);
    expect(failure).toEqual(expect.objectContaining({ status: 401, retryable: true }));
  });
});
