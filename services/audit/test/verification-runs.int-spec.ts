import { randomBytes, randomUUID } from 'node:crypto';
import { eventually, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { AUDIT_SCHEMA } from '../src/config/audit.env';
import { EventLogService } from '../src/event-log/event-log.service';
import { PlaceVerificationService } from '../src/event-log/place-verification.service';
import { FAILED_CHECK, STOPPED_CHECK } from '../src/background-checks/background-checks';
import { VerificationRuns, type VerificationRun } from '../src/event-log/verification-runs.service';
import { caseEvent } from './support/events';

const auditor = { id: 'auditor-1', name: '李审计' };

describe('checks of a place that run on in the audit service (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let log: EventLogService;
  let places: PlaceVerificationService;
  let runs: VerificationRuns;

  beforeAll(async () => {
    suite = await openSuiteDataSource('audit', { schema: AUDIT_SCHEMA, entities: [] });
    log = new EventLogService(suite.dataSource, randomBytes(32));
    places = new PlaceVerificationService(suite.dataSource, log, 0);
    runs = new VerificationRuns(suite.dataSource, places);
  });

  afterAll(async () => {
    await runs?.onModuleDestroy();
    await suite?.close();
  });

  async function townWithCases(town: string, cases: number): Promise<void> {
    for (let n = 0; n < cases; n += 1) {
      const caseId = randomUUID();
      for (const type of ['intake.application-submitted', 'routing.case-routed'])
        await log.append({ ...caseEvent(caseId, type, { note: '测试' }), county: '140525', town }, 'topic');
    }
  }

  const finished = (id: string) =>
    eventually(`check ${id} to finish`, async () => {
      const run = await runs.find(id);
      return run && run.status !== 'running' ? run : undefined;
    });

  it('records who started a check and what it found, and lists it for the county afterwards', async () => {
    const town = '140525101';
    await townWithCases(town, 3);
    const started = await runs.start({ county: '140525', town }, auditor);
    expect(started).toEqual(
      expect.objectContaining({
        county: '140525',
        town,
        status: 'running',
        requestedBy: auditor,
        verdict: null,
      }),
    );
    const done = await finished(started.id);
    expect(done).toEqual(
      expect.objectContaining({
        status: 'done',
        failure: null,
        progress: { streams: 3, streamsChecked: 3, events: 6 },
        verdict: {
          county: '140525',
          town,
          streams: 3,
          events: 6,
          intact: true,
          brokenStreams: 0,
          broken: [],
        },
      }),
    );
    expect(done.finishedAt).not.toBeNull();
    const listed = await runs.list({ county: '140525' });
    expect(listed.map((run) => run.id)).toContain(started.id);
    expect(await runs.list({ county: '140581' })).toEqual([]);
  });

  it('joins the check already running for the same place instead of starting a second one', async () => {
    const town = '140525102';
    // A check that runs until the test lets it end: a real one of a small place may end before the second ask.
    let release = () => undefined as void;
    const held = new VerificationRuns(suite.dataSource, {
      verifyPlace: (place: { county: string; town?: string }) =>
        new Promise((resolve) => {
          release = () =>
            resolve({ ...place, streams: 0, events: 0, intact: true, brokenStreams: 0, broken: [] });
        }),
    } as unknown as PlaceVerificationService);
    try {
      const [first, second] = await Promise.all([
        held.start({ county: '140525', town }, auditor),
        held.start({ county: '140525', town }, { id: 'auditor-2', name: '王审计' }),
      ]);
      expect(second.id).toBe(first.id);
      release();
      await finished(first.id);
      const rows = (await suite.dataSource.query(
        `SELECT count(*)::int AS n FROM audit.verification_runs WHERE town = $1`,
        [town],
      )) as { n: number }[];
      expect(rows[0].n).toBe(1);
      // Once it has ended, asking again starts a new check.
      const again = await held.start({ county: '140525', town }, auditor);
      expect(again.id).not.toBe(first.id);
      release();
      expect((await finished(again.id)).status).toBe('done');
    } finally {
      release();
      await held.onModuleDestroy();
    }
  });

  it('lists a check left running by a stopped process as not finished, and lets the place be checked again', async () => {
    const town = '140525103';
    const leftId = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO audit.verification_runs (id, county, town, requested_by, requested_by_name, started_at, heard_at)
       VALUES ($1, '140525', $2, 'auditor-1', '李审计', now() - interval '10 minutes', now() - interval '5 minutes')`,
      [leftId, town],
    );
    expect(await runs.find(leftId)).toEqual(
      expect.objectContaining({ status: 'interrupted', failure: STOPPED_CHECK }),
    );
    const fresh = await runs.start({ county: '140525', town }, auditor);
    expect(fresh.id).not.toBe(leftId);
    expect((await runs.find(leftId))?.status).toBe('interrupted');
    expect((await finished(fresh.id)).status).toBe('done');
  });

  it('records a check the service stops before it ends as not finished, with no verdict from part of the place', async () => {
    const town = '140525104';
    await townWithCases(town, 2);
    const stopping = new VerificationRuns(suite.dataSource, places);
    const started = await stopping.start({ county: '140525', town }, auditor);
    await stopping.onModuleDestroy();
    const run = (await runs.find(started.id)) as VerificationRun;
    expect(run.status).toBe('interrupted');
    expect(run.failure).toBe(STOPPED_CHECK);
    expect(run.verdict).toBeNull();
  });

  it('records a check whose threads close with the stopping service as not finished, not as failed', async () => {
    let closeThreads: (error: Error) => void = () => undefined;
    const closing = new VerificationRuns(suite.dataSource, {
      verifyPlace: () =>
        new Promise((_, reject) => {
          closeThreads = reject;
        }),
    } as unknown as PlaceVerificationService);
    const started = await closing.start({ county: '140525', town: '140525106' }, auditor);
    const stopped = closing.onModuleDestroy();
    closeThreads(new Error('the chain check threads were closed'));
    await stopped;
    expect(await runs.find(started.id)).toEqual(
      expect.objectContaining({ status: 'interrupted', failure: STOPPED_CHECK, verdict: null }),
    );
  });

  it('refuses to start a check once the service is stopping, in words a person understands', async () => {
    const stopping = new VerificationRuns(suite.dataSource, places);
    await stopping.onModuleDestroy();
    await expect(stopping.start({ county: '140525', town: '140525107' }, auditor)).rejects.toMatchObject({
      code: 'AUDIT.CHECK_SERVICE_STOPPING',
      message: expect.stringContaining('审计服务正在重启或更新'),
    });
    expect(await runs.list({ county: '140525', town: '140525107' })).toEqual([]);
  });

  it('records a check that could not read the log as failed, in words a person understands', async () => {
    const failing = new VerificationRuns(suite.dataSource, {
      verifyPlace: () => Promise.reject(new Error('connection terminated')),
    } as unknown as PlaceVerificationService);
    const started = await failing.start({ county: '140525', town: '140525105' }, auditor);
    await failing.onModuleDestroy();
    expect(await runs.find(started.id)).toEqual(
      expect.objectContaining({ status: 'failed', failure: FAILED_CHECK, verdict: null }),
    );
  });
});
