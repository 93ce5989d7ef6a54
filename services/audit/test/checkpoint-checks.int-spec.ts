import { randomBytes, randomUUID } from 'node:crypto';
import { generateSm2KeyPair } from '@oneseal/gm-crypto';
import { eventually, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { GIVEN_UP_CHECK, STOPPED_CHECK } from '../src/background-checks/background-checks';
import { CheckpointChecks, type CheckpointCheck } from '../src/checkpoints/checkpoint-checks.service';
import {
  CheckpointsService,
  type CheckpointPlace,
  type CheckpointProgress,
  type CheckpointVerdict,
  type ExportedCheckpoints,
} from '../src/checkpoints/checkpoints.service';
import { AUDIT_SCHEMA } from '../src/config/audit.env';
import { EventLogService } from '../src/event-log/event-log.service';
import { caseEvent } from './support/events';
import { otherProcesses } from './support/other-processes';
import { exportedCopy } from './support/exported-copy';

const auditor = { id: 'auditor-1', name: '李审计' };
const another = { id: 'auditor-2', name: '王审计' };

/** A checkpoints service whose check runs until the test lets it end (a real one of a few heads ends at once). */
function heldCheckpoints(real: CheckpointsService): { service: CheckpointsService; release: () => void } {
  const waiting: (() => void)[] = [];
  const service = Object.create(real) as CheckpointsService;
  service.verify = (copy) =>
    new Promise<CheckpointVerdict>((resolve, reject) =>
      waiting.push(() => real.verify(copy).then(resolve, reject)),
    );
  return { service, release: () => waiting.splice(0).forEach((go) => go()) };
}

describe('checks of the signed checkpoints that run on in the audit service (real PostgreSQL, SM2)', () => {
  let suite: SuiteDataSource;
  let checkpoints: CheckpointsService;
  let checks: CheckpointChecks;
  const key = generateSm2KeyPair();

  beforeAll(async () => {
    suite = await openSuiteDataSource('audit-checkpoint-checks', { schema: AUDIT_SCHEMA, entities: [] });
    const log = new EventLogService(suite.dataSource, randomBytes(32));
    checkpoints = new CheckpointsService(suite.dataSource, key, 0);
    checks = new CheckpointChecks(suite.dataSource, checkpoints);
    for (const receipt of ['140525-20261206-000201', '140525-20261206-000202']) {
      const caseId = randomUUID();
      await log.append(caseEvent(caseId, 'intake.application-submitted', { receiptNumber: receipt }), 't');
      await log.append(caseEvent(caseId, 'routing.case-routed'), 't');
    }
    await checkpoints.take();
  });

  afterAll(async () => {
    await checks?.onModuleDestroy();
    await suite?.close();
  });

  const finished = (id: string) =>
    eventually(`checkpoint check ${id} to finish`, async () => {
      const check = await checks.find(id);
      return check && check.status !== 'running' ? check : undefined;
    });

  it('records who checked the stored checkpoints and what was found, and lists it afterwards', async () => {
    const started = await checks.start(auditor);
    expect(started).toEqual(
      expect.objectContaining({ againstCopy: null, status: 'running', requestedBy: auditor, verdict: null }),
    );
    const done = await finished(started.id);
    expect(done).toEqual(
      expect.objectContaining({
        status: 'done',
        failure: null,
        progress: { checkpoints: 1, checkpointsChecked: 1, heads: 2, headsChecked: 2 },
        verdict: expect.objectContaining({ intact: true, checkpoints: 1, heads: 2, problems: [] }),
      }),
    );
    expect((await checks.list()).map((check) => check.id)).toContain(started.id);
  });

  it('checks an exported copy in the background and says which copy it was', async () => {
    const copy: ExportedCheckpoints = await exportedCopy(checkpoints, false);
    const started = await checks.start(auditor, copy);
    expect(started.againstCopy).toEqual({
      exportedAt: new Date(copy.exportedAt).toISOString(),
      checkpoints: 1,
    });
    expect((await finished(started.id)).verdict).toEqual(
      expect.objectContaining({ intact: true, checkpoints: 1, heads: 2 }),
    );
  });

  it('refuses a copy signed by another key before anything is recorded', async () => {
    const before = (await checks.list()).length;
    const copy = { ...(await exportedCopy(checkpoints, false)), publicKey: generateSm2KeyPair().publicKey };
    await expect(checks.start(auditor, copy)).rejects.toMatchObject({ code: 'AUDIT.CHECKPOINT_FOREIGN_KEY' });
    expect((await checks.list()).length).toBe(before);
  });

  it('joins a running check of the stored checkpoints, and refuses a copy check while one runs', async () => {
    const held = heldCheckpoints(checkpoints);
    const holding = new CheckpointChecks(suite.dataSource, held.service);
    try {
      const [first, second] = await Promise.all([holding.start(auditor), holding.start(another)]);
      expect(second.id).toBe(first.id);
      await expect(holding.start(another, await exportedCopy(checkpoints, false))).rejects.toMatchObject({
        code: 'AUDIT.CHECKPOINT_CHECK_BUSY',
        message: expect.stringContaining('另一项检查点核验正在进行'),
      });
      held.release();
      expect((await finished(first.id)).status).toBe('done');
      // Once it has ended, asking again starts a new check.
      const again = await holding.start(another);
      expect(again.id).not.toBe(first.id);
      held.release();
      expect((await finished(again.id)).requestedBy).toEqual(another);
    } finally {
      held.release();
      await holding.onModuleDestroy();
    }
  });

  const processes = otherProcesses<CheckpointChecks>();
  /** Another audit process (a restart, a replica), started as Nest starts it: it takes up left checks. */
  const anotherProcess = (service: CheckpointsService = checkpoints) =>
    processes.start(new CheckpointChecks(suite.dataSource, service));

  /** A check left running by a process that died five minutes ago (against a copy, when `copy`). */
  async function leftCheck(
    left: { copy?: boolean; takenUp?: number; headsChecked?: number } = {},
  ): Promise<string> {
    const id = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO audit.checkpoint_checks (id, requested_by, requested_by_name, started_at, heard_at, runner,
              copy_exported_at, copy_checkpoints, checkpoints, checkpoints_checked, heads, heads_checked, taken_up)
       VALUES ($1, 'auditor-1', '李审计', now() - interval '10 minutes', '2026-12-07 08:00:00+08', $2,
              CASE WHEN $3 THEN now() - interval '1 day' END, CASE WHEN $3 THEN 1 END, 1, $4, 120, $5, $6)`,
      [
        id,
        randomUUID(),
        left.copy ?? false,
        left.headsChecked ? 1 : 0,
        left.headsChecked ?? 0,
        left.takenUp ?? 0,
      ],
    );
    return id;
  }

  const rowOf = async (id: string) =>
    (
      (await suite.dataSource.query(
        `SELECT status, taken_up, runner, finished_at AS "finishedAt" FROM audit.checkpoint_checks WHERE id = $1`,
        [id],
      )) as { status: string; taken_up: number; runner: string | null; finishedAt: Date | null }[]
    )[0];

  it('starts a check of the stored checkpoints a stopped process left again, joined by whoever asks meanwhile', async () => {
    const leftId = await leftCheck({ takenUp: 2 });
    expect(await checks.find(leftId)).toEqual(
      expect.objectContaining({ status: 'running', failure: null, waitingToGoOn: true }),
    );
    const joined = await checks.start(another);
    expect(joined.id).toBe(leftId);
    expect(await finished(leftId)).toEqual(
      expect.objectContaining({
        status: 'done',
        waitingToGoOn: false,
        verdict: expect.objectContaining({ intact: true, checkpoints: 1, heads: 2 }),
      }),
    );
    // It checked a checkpoint whole, where the stopped process had checked none: it is not what stops its processes,
    // and its take-ups count afresh.
    expect((await rowOf(leftId)).taken_up).toBe(0);
  });

  it('answers whoever asks with the left check it started again, even when that ends before the answer', async () => {
    const verdict = await checkpoints.verify();
    // Started again, it ends as soon as it is taken up: its end is written before the asker's request goes on.
    const quick = new CheckpointChecks(suite.dataSource, {
      verify: () => Promise.resolve(verdict),
    } as CheckpointsService);
    try {
      const leftId = await leftCheck();
      const joined = await quick.start(another);
      expect(joined.id).toBe(leftId);
      expect((await finished(leftId)).verdict).toEqual(verdict);
      expect((await checks.list()).filter((check) => check.status === 'running')).toEqual([]);
    } finally {
      await quick.onModuleDestroy();
    }
  });

  it('shows a check started again from nothing, not with what the stopped process had got through', async () => {
    const leftId = await leftCheck({ headsChecked: 99 });
    const held = heldCheckpoints(checkpoints);
    try {
      await anotherProcess(held.service);
      const restarted = await checks.find(leftId);
      expect(restarted?.waitingToGoOn).toBe(false);
      expect(restarted?.progress).toEqual({
        checkpoints: 1,
        checkpointsChecked: 0,
        heads: 120,
        headsChecked: 0,
      });
    } finally {
      held.release();
    }
    expect((await finished(leftId)).status).toBe('done');
  });

  it('gives a check up once its processes died again after three take-ups, in words a person understands', async () => {
    const leftId = await leftCheck({ takenUp: 3 });
    await anotherProcess();
    expect(await finished(leftId)).toEqual(
      expect.objectContaining({ status: 'interrupted', failure: GIVEN_UP_CHECK, verdict: null }),
    );
  });

  it('records a check against a copy a stopped process left as not finished, and starts the one asked for', async () => {
    const leftId = await leftCheck({ copy: true });
    expect(await checks.find(leftId)).toEqual(
      expect.objectContaining({ status: 'interrupted', failure: STOPPED_CHECK, waitingToGoOn: false }),
    );
    // Asked for the stored checkpoints meanwhile: the copy went with its request, so the new check starts.
    const fresh = await checks.start(auditor);
    expect(fresh.id).not.toBe(leftId);
    expect(await rowOf(leftId)).toEqual(
      expect.objectContaining({ status: 'interrupted', finishedAt: new Date('2026-12-07T00:00:00Z') }),
    );
    expect((await finished(fresh.id)).status).toBe('done');
  });

  it('does not count a checkpoint as checked when the stop came before all its heads were looked up', async () => {
    const seen: CheckpointProgress[] = [];
    let asked = 0;
    // Wanted when it comes to the checkpoint, no longer when it comes to the checkpoint's first heads.
    await checkpoints.verify(undefined, {
      stillWanted: () => (asked += 1) <= 1,
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen).toEqual([]);
  });

  it('leaves a check stopped in the middle of a checkpoint’s heads with how far it got, to be started again', async () => {
    const reports: CheckpointProgress[] = [
      { checkpoints: 1, checkpointsChecked: 0, heads: 40_000, headsChecked: 0 },
      // Reported right after the first: written only with the end.
      { checkpoints: 1, checkpointsChecked: 0, heads: 40_000, headsChecked: 20_000 },
    ];
    const verify: CheckpointsService['verify'] = async (_copy, watch = {}) => {
      for (const report of reports) watch.onProgress?.(report);
      while (watch.stillWanted?.()) await new Promise((resolve) => setTimeout(resolve, 10));
      // What a check cut short answers: a verdict of what it looked at, no problem among it.
      return { intact: true, checkpoints: 1, heads: 40_000, lastTakenAt: null, problems: [] };
    };
    const stopping = new CheckpointChecks(suite.dataSource, { verify } as CheckpointsService);
    const started = await stopping.start(auditor);
    await eventually('the check to have reported', async () =>
      (await checks.find(started.id))?.progress.heads === 40_000 ? true : undefined,
    );
    await stopping.onModuleDestroy();
    expect(await checks.find(started.id)).toEqual(
      expect.objectContaining({
        status: 'running',
        verdict: null,
        progress: { checkpoints: 1, checkpointsChecked: 0, heads: 40_000, headsChecked: 20_000 },
      }),
    );
    // The next process starts it again from the first checkpoint.
    await anotherProcess();
    expect(await finished(started.id)).toEqual(
      expect.objectContaining({
        status: 'done',
        verdict: expect.objectContaining({ intact: true, heads: 2 }),
      }),
    );
  });

  it('leaves a check of the stored checkpoints the service stops before it ends to the next process', async () => {
    // The check asks whether it is still wanted before its first checkpoint, by when the service is stopping.
    const stopping = new CheckpointChecks(suite.dataSource, {
      verify: (copy, watch) =>
        new Promise((resolve) => setTimeout(resolve, 50)).then(() => checkpoints.verify(copy, watch)),
    } as CheckpointsService);
    const started = await stopping.start(auditor);
    await stopping.onModuleDestroy();
    const check = (await checks.find(started.id)) as CheckpointCheck;
    expect(check).toEqual(expect.objectContaining({ status: 'running', failure: null, verdict: null }));
    expect(check.progress.checkpointsChecked).toBe(0);
    await expect(stopping.start(auditor)).rejects.toMatchObject({
      code: 'AUDIT.CHECK_SERVICE_STOPPING',
      message: expect.stringContaining('审计服务正在重启或更新'),
    });
    await anotherProcess();
    expect((await finished(started.id)).status).toBe('done');
  });

  it('records a check against a copy the service stops before it ends as not finished', async () => {
    const held = heldCheckpoints(checkpoints);
    const stopping = new CheckpointChecks(suite.dataSource, held.service);
    const started = await stopping.start(auditor, await exportedCopy(checkpoints, false));
    const stopped = stopping.onModuleDestroy();
    held.release();
    await stopped;
    expect(await checks.find(started.id)).toEqual(
      expect.objectContaining({ status: 'interrupted', failure: STOPPED_CHECK, verdict: null }),
    );
  });

  describe('with more than one checkpoint', () => {
    let firstSeq: number;
    let wholeVerdict: CheckpointVerdict;

    beforeAll(async () => {
      const log = new EventLogService(suite.dataSource, randomBytes(32));
      firstSeq = (await checkpoints.verify()).checkpoints;
      for (const receipt of ['140525-20261207-000301', '140525-20261207-000302']) {
        const caseId = randomUUID();
        await log.append(caseEvent(caseId, 'intake.application-submitted', { receiptNumber: receipt }), 't');
      }
      await checkpoints.take();
      wholeVerdict = await checkpoints.verify();
      expect(wholeVerdict).toEqual(expect.objectContaining({ intact: true, checkpoints: 2, heads: 4 }));
    });

    /**
     * The checkpoints service as another process would use it: telling `from` of every check it is asked for, each
     * check held before it starts until the test lets it go on.
     */
    function tellingAndHeld(): {
      service: CheckpointsService;
      from: (CheckpointPlace | undefined)[];
      release: () => void;
    } {
      const from: (CheckpointPlace | undefined)[] = [];
      const waiting: (() => void)[] = [];
      const service = Object.create(checkpoints) as CheckpointsService;
      service.verify = (copy, watch, place) => {
        from.push(place);
        return new Promise<void>((resolve) => waiting.push(resolve)).then(() =>
          checkpoints.verify(copy, watch, place),
        );
      };
      return { service, from, release: () => waiting.splice(0).forEach((go) => go()) };
    }

    /** Leaves a check of the stored checkpoints as a process that died leaves it: not heard of for ten minutes. */
    const diedIn = (id: string, also = '') =>
      suite.dataSource.query(
        `UPDATE audit.checkpoint_checks SET heard_at = now() - interval '10 minutes'${also} WHERE id = $1`,
        [id],
      );

    it('goes on with a check its process stopped in from the checkpoint after the last it checked whole', async () => {
      // The process stops as soon as its check has checked the first checkpoint whole.
      let stop: (stopped: Promise<void> | undefined) => void = () => undefined;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const stopsAfterTheFirst = Object.create(checkpoints) as CheckpointsService;
      stopsAfterTheFirst.verify = (copy, watch = {}, place) =>
        checkpoints.verify(
          copy,
          {
            ...watch,
            onPlace: (reached) => {
              watch.onPlace?.(reached);
              stop(stopping.onModuleDestroy());
            },
          },
          place,
        );
      const stopping = new CheckpointChecks(suite.dataSource, stopsAfterTheFirst);
      const started = await stopping.start(auditor);
      await stopped;
      expect(await checks.find(started.id)).toEqual(
        expect.objectContaining({
          status: 'running',
          waitingToGoOn: true,
          goesOnAfter: 1,
          progress: { checkpoints: 2, checkpointsChecked: 1, heads: 4, headsChecked: 2 },
        }),
      );
      // As if it had died a little later, a head into the second checkpoint.
      await diedIn(started.id, ', heads_checked = 3');

      const next = tellingAndHeld();
      try {
        await anotherProcess(next.service);
        // Taken up: it shows what it keeps, not what the dead process was in the middle of; the death counts.
        expect(await checks.find(started.id)).toEqual(
          expect.objectContaining({
            waitingToGoOn: false,
            progress: { checkpoints: 2, checkpointsChecked: 1, heads: 4, headsChecked: 2 },
          }),
        );
        expect((await rowOf(started.id)).taken_up).toBe(1);
      } finally {
        next.release();
      }
      expect(await finished(started.id)).toEqual(
        expect.objectContaining({ status: 'done', verdict: wholeVerdict }),
      );
      expect(next.from).toEqual([
        expect.objectContaining({ afterSeq: firstSeq, headsFound: 2, upTo: firstSeq + 1, problems: [] }),
      ]);
      // Getting past the checkpoint it was taken up at shows it is not what stops its processes.
      expect((await rowOf(started.id)).taken_up).toBe(0);
    });

    it('keeps in the verdict what it found before its process stopped', async () => {
      let place: CheckpointPlace | undefined;
      await checkpoints.verify(undefined, { onPlace: (reached) => (place ??= reached) });
      const found = {
        kind: 'changed-event' as const,
        checkpointSeq: firstSeq,
        streamId: randomUUID(),
        version: 1,
        message: '办件 140525-20261206-000201 的第 1 条事件与检查点签名时不同（被改写）',
      };
      // Left with that place, as the row of a process that found a changed event in the first checkpoint.
      const leftId = await leftCheck();
      await suite.dataSource.query(
        `UPDATE audit.checkpoint_checks
            SET place = $2, checkpoints = 2, checkpoints_checked = 1, heads = 4, heads_checked = 2 WHERE id = $1`,
        [leftId, JSON.stringify({ ...(place as CheckpointPlace), problems: [found] })],
      );
      await anotherProcess();
      expect(await finished(leftId)).toEqual(
        expect.objectContaining({
          status: 'done',
          verdict: { ...wholeVerdict, intact: false, problems: [found] },
        }),
      );
    });
  });
});
