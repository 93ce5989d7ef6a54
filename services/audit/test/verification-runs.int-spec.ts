import { randomBytes, randomUUID } from 'node:crypto';
import { eventually, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { AUDIT_SCHEMA } from '../src/config/audit.env';
import { EventLogService } from '../src/event-log/event-log.service';
import {
  PlaceVerificationService,
  type PlacePosition,
  type PlaceVerdict,
} from '../src/event-log/place-verification.service';
import type { ProgressWatch } from '../src/background-checks/progress-watch';
import { FAILED_CHECK, GIVEN_UP_CHECK } from '../src/background-checks/background-checks';
import { leftChecksCounter, type LeftCheckOutcome } from '../src/background-checks/left-checks-metric';
import { VerificationRuns } from '../src/event-log/verification-runs.service';
import { caseEvent } from './support/events';
import { otherProcesses } from './support/other-processes';

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

  const processes = otherProcesses<VerificationRuns>();
  /** Another audit process (a restart, a replica), started as Nest starts it: it goes on with left checks. */
  const anotherProcess = (verifier: PlaceVerificationService = places) =>
    processes.start(new VerificationRuns(suite.dataSource, verifier));

  /** This process's count of left place checks, by what became of them (oneseal_audit_left_checks_total). */
  async function leftChecksCounted(): Promise<Record<LeftCheckOutcome, number>> {
    const counted: Record<LeftCheckOutcome, number> = { 'gone-on': 0, 'given-up': 0, interrupted: 0 };
    for (const { labels, value } of (await leftChecksCounter().get()).values)
      if (labels.table === 'audit.verification_runs') counted[labels.outcome as LeftCheckOutcome] = value;
    return counted;
  }

  const streamsOf = async (town: string) =>
    (
      (await suite.dataSource.query(
        `SELECT DISTINCT stream_id COLLATE "C" AS id FROM audit.events WHERE town = $1 ORDER BY 1`,
        [town],
      )) as { id: string }[]
    ).map((row) => row.id);

  /** A check a process left (not heard of for five minutes) after checking the streams up to `lastStream`. */
  interface LeftAt {
    last_stream: string | null;
    streams_checked: number;
    events: number;
    broken_streams: number;
    broken_found: object[];
    taken_up: number;
    /** Left by a service that stopped (taken up at once, not counted) rather than by one that died. */
    left_on_purpose: boolean;
  }
  async function leftCheck(town: string, soFar: Partial<LeftAt> = {}): Promise<string> {
    const id = randomUUID();
    const columns: LeftAt = {
      last_stream: null,
      streams_checked: 0,
      events: 0,
      broken_streams: 0,
      broken_found: [],
      taken_up: 0,
      left_on_purpose: false,
      ...soFar,
    };
    await suite.dataSource.query(
      `INSERT INTO audit.verification_runs (id, county, town, requested_by, requested_by_name, started_at, heard_at,
              runner, last_stream, streams_checked, events, broken_streams, broken_found, taken_up)
       VALUES ($1, '140525', $2, 'auditor-1', '李审计', now() - interval '10 minutes',
              CASE WHEN $10 THEN '-infinity' ELSE now() - interval '5 minutes' END,
              $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        town,
        randomUUID(),
        columns.last_stream,
        columns.streams_checked,
        columns.events,
        columns.broken_streams,
        JSON.stringify(columns.broken_found),
        columns.taken_up,
        columns.left_on_purpose,
      ],
    );
    return id;
  }

  it('goes on with a check a stopped process left, from the last case it had checked, keeping what it had found', async () => {
    const town = '140525103';
    await townWithCases(town, 4);
    const [, second] = await streamsOf(town);
    // What the stopped process had found in the first two cases: one broken chain, 5 events.
    const foundBefore = {
      streamId: '00000000-0000-0000-0000-000000000001',
      brokenAtVersion: 2,
      receiptNumber: null,
    };
    const leftId = await leftCheck(town, {
      last_stream: second,
      streams_checked: 2,
      events: 5,
      broken_streams: 1,
      broken_found: [foundBefore],
    });
    // Still running while no process has it: the next one goes on with it.
    expect(await runs.find(leftId)).toEqual(
      expect.objectContaining({ status: 'running', failure: null, waitingToGoOn: true }),
    );
    await anotherProcess();
    const done = await finished(leftId);
    expect(done).toEqual(
      expect.objectContaining({
        status: 'done',
        failure: null,
        waitingToGoOn: false,
        progress: { streams: 4, streamsChecked: 4, events: 5 + 4 },
        verdict: {
          county: '140525',
          town,
          streams: 4,
          events: 9,
          intact: false,
          brokenStreams: 1,
          broken: [foundBefore],
        },
      }),
    );
  });

  it('starts again from the first case a check left with no position (before its first part, or by an older version)', async () => {
    const town = '140525112';
    await townWithCases(town, 3);
    const leftId = await leftCheck(town, { streams_checked: 2, events: 5 });
    await anotherProcess();
    expect(await finished(leftId)).toEqual(
      expect.objectContaining({
        status: 'done',
        progress: { streams: 3, streamsChecked: 3, events: 6 },
        verdict: expect.objectContaining({ streams: 3, events: 6, intact: true }),
      }),
    );
  });

  it('joins a check left in the place when asked again, and goes on with it instead of starting over', async () => {
    const town = '140525108';
    await townWithCases(town, 2);
    const leftId = await leftCheck(town);
    const joined = await runs.start({ county: '140525', town }, { id: 'auditor-2', name: '王审计' });
    expect(joined.id).toBe(leftId);
    expect((await finished(leftId)).verdict).toEqual(
      expect.objectContaining({ streams: 2, events: 4, intact: true }),
    );
    const rows = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM audit.verification_runs WHERE town = $1`,
      [town],
    )) as { n: number }[];
    expect(rows[0].n).toBe(1);
  });

  it('leaves a check the service stops before it ends to the next process, which finishes it', async () => {
    const town = '140525104';
    await townWithCases(town, 3);
    const [first] = await streamsOf(town);
    // A check that has done its first case when the service stops, and then ends at its next part.
    const stopping = new VerificationRuns(suite.dataSource, {
      verifyPlace: async (
        place: { county: string; town?: string },
        watch: ProgressWatch<PlacePosition>,
      ): Promise<PlaceVerdict> => {
        watch.onProgress?.({
          streams: 3,
          streamsChecked: 1,
          events: 2,
          lastStream: first,
          brokenStreams: 0,
          broken: [],
        });
        while (watch.stillWanted?.()) await new Promise((resolve) => setTimeout(resolve, 10));
        return { ...place, streams: 3, events: 2, intact: true, brokenStreams: 0, broken: [] };
      },
    } as unknown as PlaceVerificationService);
    const started = await stopping.start({ county: '140525', town }, auditor);
    await stopping.onModuleDestroy();
    // Not interrupted, not a verdict from part of the place: left at once for whoever runs next, with how far it got.
    expect(await runs.find(started.id)).toEqual(
      expect.objectContaining({
        status: 'running',
        failure: null,
        verdict: null,
        waitingToGoOn: true,
        progress: { streams: 3, streamsChecked: 1, events: 2 },
      }),
    );
    const [row] = (await suite.dataSource.query(
      `SELECT heard_at = '-infinity' AS "leftNow", last_stream FROM audit.verification_runs WHERE id = $1`,
      [started.id],
    )) as { leftNow: boolean; last_stream: string }[];
    expect(row).toEqual({ leftNow: true, last_stream: first });
    await anotherProcess();
    const done = await finished(started.id);
    expect(done.verdict).toEqual(expect.objectContaining({ streams: 3, events: 6, intact: true }));
  });

  it('leaves a check whose threads close with the stopping service to the next process, not as failed', async () => {
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
      expect.objectContaining({ status: 'running', failure: null, verdict: null }),
    );
    await anotherProcess();
    expect(await finished(started.id)).toEqual(
      expect.objectContaining({
        status: 'done',
        verdict: expect.objectContaining({ streams: 0, intact: true }),
      }),
    );
  });

  it('gives a check up once the processes running it died three times without it getting further', async () => {
    const givenUp = await leftCheck('140525109', { taken_up: 3 });
    // Two deaths: the third process still goes on with it. Three restarts on purpose count for nothing.
    const twice = await leftCheck('140525113', { taken_up: 2 });
    const restarted = await leftCheck('140525114', { taken_up: 3, left_on_purpose: true });
    const before = await leftChecksCounted();
    await anotherProcess();
    expect(await finished(givenUp)).toEqual(
      expect.objectContaining({ status: 'interrupted', failure: GIVEN_UP_CHECK, verdict: null }),
    );
    expect((await finished(twice)).status).toBe('done');
    expect((await finished(restarted)).status).toBe('done');
    // What the operators' alert watches (AuditChecksGivenUp).
    const after = await leftChecksCounted();
    expect(after['given-up'] - before['given-up']).toBe(1);
    expect(after['gone-on'] - before['gone-on']).toBe(2);
  });

  it('never takes a check from the process still running it, however long its part takes', async () => {
    const town = '140525115';
    let asked = 0;
    const waiting: (() => void)[] = [];
    const slow = new VerificationRuns(suite.dataSource, {
      verifyPlace: (place: { county: string; town?: string }) => {
        asked += 1;
        return new Promise((resolve) => {
          waiting.push(() =>
            resolve({ ...place, streams: 0, events: 0, intact: true, brokenStreams: 0, broken: [] }),
          );
        });
      },
    } as unknown as PlaceVerificationService);
    processes.stopAfterTest(slow);
    try {
      const started = await slow.start({ county: '140525', town }, auditor);
      const [stale] = (await suite.dataSource.query(
        `UPDATE audit.verification_runs SET heard_at = now() - interval '5 minutes' WHERE id = $1 RETURNING runner`,
        [started.id],
      )) as [{ runner: string }[], number];
      // Its own look for left checks, as at its start and every half minute.
      await slow.onApplicationBootstrap();
      expect(asked).toBe(1);
      const [row] = (await suite.dataSource.query(
        `SELECT runner FROM audit.verification_runs WHERE id = $1`,
        [started.id],
      )) as { runner: string }[];
      expect(row.runner).toBe(stale[0].runner);
    } finally {
      waiting.splice(0).forEach((release) => release());
    }
  });

  it('lets one process go on with a left check when two look at once', async () => {
    const leftId = await leftCheck('140525110');
    let asked = 0;
    let release = () => undefined as void;
    const counting = {
      verifyPlace: (place: { county: string; town?: string }) => {
        asked += 1;
        return new Promise((resolve) => {
          release = () =>
            resolve({ ...place, streams: 0, events: 0, intact: true, brokenStreams: 0, broken: [] });
        });
      },
    } as unknown as PlaceVerificationService;
    // Both started at once, each looking for left checks as it starts.
    await Promise.all([anotherProcess(counting), anotherProcess(counting)]);
    expect(asked).toBe(1);
    release();
    expect((await finished(leftId)).status).toBe('done');
  });

  it('stops a check another process has taken up, and leaves its row to that process', async () => {
    const town = '140525111';
    let watched: { onProgress?: (progress: object) => void; stillWanted?: () => boolean } = {};
    let release = () => undefined as void;
    const slow = new VerificationRuns(suite.dataSource, {
      verifyPlace: (place: { county: string; town?: string }, watch: typeof watched) => {
        watched = watch;
        return new Promise((resolve) => {
          release = () =>
            resolve({ ...place, streams: 9, events: 9, intact: true, brokenStreams: 0, broken: [] });
        });
      },
    } as unknown as PlaceVerificationService);
    processes.stopAfterTest(slow);
    const started = await slow.start({ county: '140525', town }, auditor);
    // Another process found it silent and took it up under its own lease.
    const otherLease = randomUUID();
    await suite.dataSource.query(`UPDATE audit.verification_runs SET runner = $2 WHERE id = $1`, [
      started.id,
      otherLease,
    ]);
    watched.onProgress?.({
      streams: 9,
      streamsChecked: 1,
      events: 1,
      lastStream: 'a',
      brokenStreams: 0,
      broken: [],
    });
    await eventually('the check to see it is no longer its own', async () =>
      watched.stillWanted?.() === false ? true : undefined,
    );
    release();
    await slow.onModuleDestroy();
    const [row] = (await suite.dataSource.query(
      `SELECT status, runner, streams_checked FROM audit.verification_runs WHERE id = $1`,
      [started.id],
    )) as { status: string; runner: string; streams_checked: number }[];
    expect(row).toEqual({ status: 'running', runner: otherLease, streams_checked: 0 });
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
    processes.stopAfterTest(failing);
    const started = await failing.start({ county: '140525', town: '140525105' }, auditor);
    expect(await finished(started.id)).toEqual(
      expect.objectContaining({ status: 'failed', failure: FAILED_CHECK, verdict: null }),
    );
  });
});
