import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { EVENT_CONTRACTS, parseEvent, type EventContract, type EventEnvelope } from '@oneseal/contracts';
import { browserForSuite, expectText, freshPage, logIn, SHOTS } from './browser';
import { as, postJson, serviceUrl } from './system';

// 晋庙铺镇 of 泽州县: no other suite files cases there, so what the loader adds is all the town holds.
const COUNTY = '140525';
const TOWN = '140525105';
const root = join(__dirname, '..');

interface PlaceVerdict {
  streams: number;
  events: number;
  intact: boolean;
  brokenStreams: number;
}
interface TownSummary {
  town: string;
  concluded: number;
  timed: number;
  concludedOnTime: number;
}

/** `npm run history`, as the README tells a reader to run it, for a few cases of one town. */
interface Loaded {
  runId: string;
  cases: number;
  events: number;
  /** One case's 办件编号 and 查询码, as its applicant holds them on the receipt. */
  sample: { receiptNumber: string; queryCode: string };
}

function loadHistory(cases: number): Loaded {
  const out = execFileSync(
    process.execPath,
    [join(root, 'deploy/bench/history/load-history.mjs'), '--cases', String(cases), '--town', TOWN],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Loaded;
}

/** What the builder scripts below share: 晋庙铺镇, one matter it decides, and keys of their own. */
const BUILDER_PLACE = `const town = { code: '${TOWN}', county: '${COUNTY}', name: '晋庙铺镇' };
        const matter = { code: 'ZZ-T-013', name: '城乡低收入家庭认定', typeCode: '07', unitCode: '${COUNTY}-mz', version: 1,
          caseKind: '承诺件', committedLimitWorkingDays: 10, materials: [], legalBasis: '《社会救助暂行办法》第九条' };
        const keys = { personalData: Buffer.alloc(32, 1), lookup: Buffer.alloc(32, 2), chain: Buffer.alloc(32, 3) };`;

describe('a county’s past loaded for scale: the record an auditor and a supervisor would read', () => {
  const browser = browserForSuite();
  const auditor = as('zz-auditor');
  const supervisor = as('zz-supervisor');
  const verification = `${serviceUrl('audit')}/audit/verification?county=${COUNTY}&town=${TOWN}`;
  const summary = `${serviceUrl('routing')}/supervision/summary?county=${COUNTY}`;

  it('loads concluded cases whose audit chains verify and whose figures supervision counts', async () => {
    const before = (await auditor.get<PlaceVerdict>(verification)).body;
    const townBefore = (await supervisor.get<TownSummary[]>(summary)).body.find((town) => town.town === TOWN);

    const loaded = loadHistory(30);
    expect(loaded.cases).toBe(30);

    const after = await auditor.get<PlaceVerdict>(verification);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(
      expect.objectContaining({
        intact: true,
        brokenStreams: 0,
        streams: before.streams + 30,
        events: before.events + loaded.events,
      }),
    );
    const town = (await supervisor.get<TownSummary[]>(summary)).body.find((row) => row.town === TOWN);
    expect(town?.concluded).toBe((townBefore?.concluded ?? 0) + 30);
    expect(town?.concludedOnTime).toBeLessThanOrEqual(town?.timed ?? 0);

    // A case of the past reads like any other: found by its receipt number, its record complete and in order.
    const listed = await supervisor.get<{
      items: { caseId: string; receiptNumber: string; result: string }[];
    }>(`${serviceUrl('routing')}/supervision/cases?county=${COUNTY}&town=${TOWN}&pageSize=5`);
    const [latest] = listed.body.items;
    expect(latest?.result).toMatch(/准予|不予许可|撤件/);
    const replayed = await auditor.get<
      { type: string; envelope: EventEnvelope<{ receiptNumber?: string }> }[]
    >(`${serviceUrl('audit')}/audit/streams/${latest?.caseId}/events`);
    const types = replayed.body.map((event) => event.type);
    expect(types.slice(0, 2)).toEqual(['intake.application-submitted', 'routing.case-routed']);
    expect(types).toContain('routing.case-concluded');
    expect(replayed.body[0]?.envelope.payload.receiptNumber).toBe(latest?.receiptNumber);

    // Its applicant follows it at 办件查询 with the 办件编号 and 查询码 on the receipt, typed as people type them.
    const asTyped = { ...loaded.sample, queryCode: loaded.sample.queryCode.toLowerCase().replace(/-/g, ' ') };
    const progress = await postJson<{ stage: string; matterName: string }>(
      `${serviceUrl('routing')}/progress/lookup`,
      asTyped,
    );
    expect(progress.status).toBe(200);
    expect(progress.body.matterName).toBeTruthy();
  });

  it('writes every event as its contract says, as the services would have published it', () => {
    // The builder's events before audit masks them: what consumers would have validated at their edge.
    const script = `
      import('${join(root, 'deploy/bench/history/history-case.mjs')}').then(({ historicalCase, randomSource, townStaff }) => {
        const random = randomSource(11);
        ${BUILDER_PLACE}
        const events = [];
        for (let index = 0; index < 60; index += 1) {
          events.push(...historicalCase({ town, matter, staff: townStaff(town, random), seal: '7eefe40b-95e7-4572-9e9d-c4dec204e951',
            organ: { numberPattern: '晋庙铺便审〔{year}〕{n}号' }, keys, submittedAt: Date.parse('2025-03-03T01:30:00Z') + index * 86400000,
            receiptNumber: '${COUNTY}-20250303-' + String(index + 1).padStart(6, '0'), documentNumber: () => index + 1,
            runId: 'e2e', index }, random).events);
        }
        process.stdout.write(JSON.stringify(events));
      });`;
    const events = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    ) as { type: string }[];
    const contractOf = new Map<string, EventContract<object>>(
      EVENT_CONTRACTS.map((contract) => [contract.type, contract as EventContract<object>]),
    );
    const kinds = new Set<string>();
    for (const event of events) {
      const contract = contractOf.get(event.type);
      expect(contract).toBeDefined();
      if (contract) expect(() => parseEvent(contract, event)).not.toThrow();
      kinds.add(event.type);
    }
    // Sixty cases reach every kind of event the loader writes: delivered results and ratings among them.
    expect([...kinds].sort()).toEqual(
      [
        'approval.review-task-opened',
        'approval.step-decided',
        'intake.application-submitted',
        'notification.notification-sent',
        'routing.case-accepted',
        'routing.case-concluded',
        'routing.case-routed',
        'routing.result-delivered',
        'routing.service-rated',
        'seal.document-stamped',
      ].sort(),
    );
  });

  it('fills the last days before a load only with cases that are over by then: nothing dated after it', () => {
    // Cases filed every three hours over the twelve days before the load (a Monday, 10:00 in Beijing), built as the
    // loader builds them, with and without the moment the load began.
    const script = (latest: string) => `
      import('${join(root, 'deploy/bench/history/history-case.mjs')}').then(({ historicalCase, randomSource, townStaff, workingMoment }) => {
        const random = randomSource(7);
        const loadStarted = Date.parse('2026-12-07T02:00:00Z');
        const latest = ${latest};
        ${BUILDER_PLACE}
        const moments = [];
        for (let index = 0; index < 64; index += 1) {
          const built = historicalCase({ town, matter, staff: townStaff(town, random), seal: '7eefe40b-95e7-4572-9e9d-c4dec204e951',
            organ: { numberPattern: '晋庙铺便审〔{year}〕{n}号' }, keys, latest,
            submittedAt: workingMoment(loadStarted - 4 * 86400000 - index * 3 * 3600000),
            receiptNumber: '${COUNTY}-20261201-' + String(index + 1).padStart(6, '0'), documentNumber: () => index + 1,
            runId: 'e2e-latest', index }, random);
          moments.push(...built.events.map((event) => event.occurredAt));
          for (const row of built.rows['notification.notifications']) moments.push(row.created_at, row.sent_at);
          for (const row of built.rows['routing.service_ratings']) moments.push(row.rated_at, row.responded_at);
          for (const row of built.rows['routing.routed_cases']) moments.push(row.concluded_at, row.updated_at);
        }
        process.stdout.write(JSON.stringify({ loadStarted, latestMoment: Math.max(...moments.filter(Boolean).map(Date.parse)) }));
      });`;
    const run = (latest: string) =>
      JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', script(latest)], { encoding: 'utf8' }),
      ) as { loadStarted: number; latestMoment: number };
    const bounded = run('loadStarted');
    expect(new Date(bounded.latestMoment).getTime()).toBeLessThanOrEqual(bounded.loadStarted);
    // Left to run their course, some of the same cases would still be going on after the load began.
    const unbounded = run('undefined');
    expect(unbounded.latestMoment).toBeGreaterThan(unbounded.loadStarted);
  });

  it('shows the supervisor the town’s past in the console, names and results in words', async () => {
    const page = await freshPage(browser());
    await logIn(page, 'zz-supervisor');
    await page.getByRole('link', { name: '监察' }).click();
    await expectText(page.locator('main'), '晋庙铺镇');
    await page.screenshot({ path: join(SHOTS, 'supervision-with-history.png'), fullPage: true });
    await page.context().close();
  });
});
