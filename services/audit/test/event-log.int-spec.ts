import { randomBytes, randomUUID } from 'node:crypto';
import { applicationSubmittedV1 } from '@oneseal/contracts';
import { caseEvent } from './support/events';
import { eventually, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { AUDIT_SCHEMA } from '../src/config/audit.env';
import { unkeyedEventHash } from '../src/event-log/event-hash';
import { EventLogService } from '../src/event-log/event-log.service';
import { valueOfJson } from '../src/event-log/json-text';
import { ChainCheckPool } from '../src/event-log/chain-check-pool';
import { PlaceVerificationService, type PlacePosition } from '../src/event-log/place-verification.service';

describe('the audit event log (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let log: EventLogService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('audit', { schema: AUDIT_SCHEMA, entities: [] });
    log = new EventLogService(suite.dataSource, randomBytes(32));
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('records each event once, in a chain per case, even when events of one case arrive concurrently', async () => {
    const caseId = randomUUID();
    const events = [
      'intake.application-submitted',
      'routing.case-routed',
      'approval.review-task-opened',
      'approval.case-accepted',
    ].map((type) => caseEvent(caseId, type, { note: '测试' }));
    await Promise.all(events.map((e) => log.append(e, `topic.${e.type}`)));
    await expect(log.append(events[0], 'topic.again')).resolves.toBe('duplicate');

    const replayed = await log.replay(caseId);
    expect(replayed.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(new Set(replayed.map((e) => e.eventId))).toEqual(new Set(events.map((e) => e.id)));
    expect(replayed[0].prevHash).toBe('0'.repeat(64));
    expect(replayed[1].prevHash).toBe(replayed[0].hash);
    await expect(log.verify(caseId)).resolves.toEqual(expect.objectContaining({ intact: true, events: 4 }));
  });

  it('keeps one unbroken chain when two replicas take turns with a case, each remembering a head the other moved', async () => {
    const key = randomBytes(32);
    const [first, second] = [
      new EventLogService(suite.dataSource, key),
      new EventLogService(suite.dataSource, key),
    ];
    const caseId = randomUUID();
    const events = Array.from({ length: 8 }, (_, i) => caseEvent(caseId, `step.${i}`, { step: i }));
    // Each replica's head of the case is behind after the other wrote: its next append must not fork the chain.
    for (const [i, event] of events.entries()) {
      await expect((i % 3 === 0 ? first : second).append(event, 'topic')).resolves.toBe('appended');
    }
    // A redelivered event is known, whichever replica gets it and whatever head it remembers.
    await expect(first.append(events[5], 'topic')).resolves.toBe('duplicate');
    await expect(second.append(events[0], 'topic')).resolves.toBe('duplicate');
    // Both at once, on heads that are both stale.
    const more = Array.from({ length: 6 }, (_, i) => caseEvent(caseId, `more.${i}`, { step: i }));
    const outcomes = await Promise.all(
      more.map((event, i) => (i % 2 ? first : second).append(event, 'topic')),
    );
    expect(outcomes).toEqual(more.map(() => 'appended'));

    const replayed = await first.replay(caseId);
    expect(replayed.map((e) => e.version)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(new Set(replayed.map((e) => e.eventId)).size).toBe(14);
    await expect(second.verify(caseId)).resolves.toEqual(
      expect.objectContaining({ intact: true, events: 14 }),
    );
  });
  it('keeps the applicant’s phone masked in the record for good, never in full', async () => {
    const caseId = randomUUID();
    const submitted = {
      ...caseEvent(caseId, 'intake.application-submitted', { note: '测试' }),
      payload: { caseId, applicantName: '张三', applicantPhone: '13812345678' },
    };
    await log.record(applicationSubmittedV1, submitted, 'topic');
    const [row] = (await suite.dataSource.query(`SELECT envelope FROM audit.events WHERE stream_id = $1`, [
      caseId,
    ])) as { envelope: { payload: { applicantPhone: string } } }[];
    expect(row.envelope.payload.applicantPhone).toBe('138****5678');
    expect(JSON.stringify(row.envelope)).not.toContain('13812345678');
  });

  it('refuses to change or delete a recorded event', async () => {
    const caseId = randomUUID();
    await log.append(caseEvent(caseId, 'intake.application-submitted', { note: '测试' }), 'topic');
    // The audit service's own role has no right to change it at all…
    await expect(
      suite.dataSource.query(`UPDATE audit.events SET type = 'x' WHERE stream_id = $1`, [caseId]),
    ).rejects.toThrow('permission denied for table events');
    await expect(
      suite.dataSource.query(`DELETE FROM audit.events WHERE stream_id = $1`, [caseId]),
    ).rejects.toThrow('permission denied for table events');
    // …and even the owner meets the append-only trigger.
    const owner = await suite.owner();
    await expect(
      owner.query(`UPDATE audit.events SET type = 'x' WHERE stream_id = $1`, [caseId]),
    ).rejects.toThrow('审计日志只能追加，不能修改或删除（UPDATE）');
    await expect(owner.query(`DELETE FROM audit.events WHERE stream_id = $1`, [caseId])).rejects.toThrow(
      '（DELETE）',
    );
  });

  it('links each event with a key the database does not hold: a rewrite with recomputed hashes still shows', async () => {
    const caseId = randomUUID();
    for (const type of ['intake.application-submitted', 'routing.case-routed']) {
      await log.append(caseEvent(caseId, type, { note: '测试' }), 'topic');
    }
    const [first] = await log.replay(caseId);
    expect(first.keyed).toBe(true);
    // Someone with the owner's rights rewrites the first event and recomputes every link the way they can: unkeyed.
    const forged = { ...first.envelope, payload: { caseId, note: '改过' } };
    const forgedHash = unkeyedEventHash('0'.repeat(64), forged);
    await (
      await suite.owner()
    ).transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit.events DISABLE TRIGGER events_append_only`);
      await manager.query(
        `UPDATE audit.events SET envelope = $2, hash = $3, keyed = false WHERE stream_id = $1 AND version = 1`,
        [caseId, JSON.stringify(forged), forgedHash],
      );
      await manager.query(`ALTER TABLE audit.events ENABLE TRIGGER events_append_only`);
    });
    await expect(log.verify(caseId)).resolves.toEqual(
      expect.objectContaining({ intact: false, brokenAtVersion: 1 }),
    );
  });

  it('shows where a stream was altered behind its back', async () => {
    const caseId = randomUUID();
    for (const type of [
      'intake.application-submitted',
      'routing.case-routed',
      'approval.review-task-opened',
    ]) {
      await log.append(caseEvent(caseId, type, { note: '测试' }), 'topic');
    }
    // Someone with the table owner's rights switches the guard off and edits history.
    await (
      await suite.owner()
    ).transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit.events DISABLE TRIGGER events_append_only`);
      await manager.query(
        `UPDATE audit.events SET envelope = jsonb_set(envelope, '{payload,note}', '"改过"') WHERE stream_id = $1 AND version = 2`,
        [caseId],
      );
      await manager.query(`ALTER TABLE audit.events ENABLE TRIGGER events_append_only`);
    });
    await expect(log.verify(caseId)).resolves.toEqual(
      expect.objectContaining({ intact: false, brokenAtVersion: 2, events: 3 }),
    );
  });

  describe('a whole town or county at once', () => {
    // Streams of a town of their own, so what the tests above recorded does not count here.
    const town = '140525107';
    const inTown = (caseId: string, type: string) => ({ ...caseEvent(caseId, type, { note: '测试' }), town });

    it('replays the town’s events in the order they were recorded, a page at a time, with who acted', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const filed = inTown(first, 'intake.application-submitted');
      await log.append(
        {
          ...filed,
          actor: { kind: 'person', id: 'agent-201', name: '赵代办' },
          payload: { caseId: first, receiptNumber: '140525-20261204-000077' },
        },
        'topic',
      );
      await log.append(inTown(second, 'intake.application-submitted'), 'topic');
      await log.append(inTown(first, 'routing.case-routed'), 'topic');
      await log.append(
        { ...inTown(randomUUID(), 'intake.application-submitted'), county: '140521', town: '140521100' },
        'topic',
      );
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const page = async (after: number, limit: number) =>
        valueOfJson(await log.inPlace({ county: '140525', town, from: today, to: today, after, limit }));
      const firstPage = await page(0, 2);
      expect(firstPage.map((e) => [e.streamId, e.type])).toEqual([
        [first, 'intake.application-submitted'],
        [second, 'intake.application-submitted'],
      ]);
      expect(firstPage[0].actor).toEqual({ kind: 'person', id: 'agent-201', name: '赵代办' });
      expect(firstPage[1].actor).toEqual({ kind: 'service', id: 'test' });
      const rest = await page(Number(firstPage[1].seq), 10);
      expect(rest.map((e) => [e.streamId, e.type])).toEqual([[first, 'routing.case-routed']]);
      // Every event of a case is listed under its 办件编号; a stream with no submission on record has none.
      expect(rest[0].receiptNumber).toBe('140525-20261204-000077');
      expect(firstPage.map((e) => e.receiptNumber)).toEqual(['140525-20261204-000077', null]);
      // Instants as JavaScript writes them (what the screen always read), the sequence as text (it outgrows a double).
      const [recorded] = (await suite.dataSource.query(
        `SELECT seq::text, occurred_at AS "occurredAt", recorded_at AS "recordedAt" FROM audit.events WHERE seq = $1`,
        [rest[0].seq],
      )) as { seq: string; occurredAt: Date; recordedAt: Date }[];
      expect({ seq: rest[0].seq, occurredAt: rest[0].occurredAt, recordedAt: rest[0].recordedAt }).toEqual({
        seq: recorded.seq,
        occurredAt: recorded.occurredAt.toISOString(),
        recordedAt: recorded.recordedAt.toISOString(),
      });
      expect(await page(Number(rest[0].seq), 10)).toEqual([]);
    });

    // On the service's own thread, and with two verification threads (the compiled worker, for places of more than two
    // batches of 500 streams; a smaller one is checked on the service's thread either way): the same verdicts.
    const verifiers = () =>
      [0, 2].map((threads) => new PlaceVerificationService(suite.dataSource, log, threads));

    it('verifies every chain of a small town and names the one altered', async () => {
      const [inProcess, threaded] = verifiers();
      try {
        for (const places of [inProcess, threaded]) {
          expect(await places.verifyPlace({ county: '140525', town })).toEqual({
            county: '140525',
            town,
            streams: 2,
            events: 3,
            intact: true,
            brokenStreams: 0,
            broken: [],
          });
        }
        const [altered] = (await suite.dataSource.query(
          `SELECT stream_id AS "streamId" FROM audit.events WHERE town = $1 AND version = 2`,
          [town],
        )) as { streamId: string }[];
        await (
          await suite.owner()
        ).transaction(async (manager) => {
          await manager.query(`ALTER TABLE audit.events DISABLE TRIGGER events_append_only`);
          await manager.query(`DELETE FROM audit.events WHERE stream_id = $1 AND version = 1`, [
            altered.streamId,
          ]);
          await manager.query(`ALTER TABLE audit.events ENABLE TRIGGER events_append_only`);
        });
        for (const places of [inProcess, threaded]) {
          expect(await places.verifyPlace({ county: '140525', town })).toEqual(
            expect.objectContaining({
              intact: false,
              events: 2,
              brokenStreams: 1,
              broken: [{ streamId: altered.streamId, brokenAtVersion: 1, receiptNumber: null }],
            }),
          );
        }
      } finally {
        await Promise.all([inProcess.onModuleDestroy(), threaded.onModuleDestroy()]);
      }
    });

    it('checks a place of many batches in the order of its streams, and names a broken link in the middle', async () => {
      // More than two batches of 500 streams: checked on the threads, several batches at once.
      const place = { county: '140525', town: '140525108' };
      const caseIds = Array.from({ length: 1_300 }, () => randomUUID()).sort();
      for (const caseId of caseIds) {
        await log.append(
          { ...caseEvent(caseId, 'intake.application-submitted', { note: '测试' }), ...place },
          'topic',
        );
      }
      await log.append(
        { ...caseEvent(caseIds[777], 'routing.case-routed', { note: '测试' }), ...place },
        'topic',
      );
      await (
        await suite.owner()
      ).transaction(async (manager) => {
        await manager.query(`ALTER TABLE audit.events DISABLE TRIGGER events_append_only`);
        await manager.query(
          `UPDATE audit.events SET envelope = jsonb_set(envelope, '{payload,note}', '"改过"') WHERE stream_id = $1 AND version = 2`,
          [caseIds[777]],
        );
        await manager.query(`ALTER TABLE audit.events ENABLE TRIGGER events_append_only`);
      });
      const [inProcess, threaded] = verifiers();
      try {
        const broken = [{ streamId: caseIds[777], brokenAtVersion: 2, receiptNumber: null }];
        const whole = { ...place, streams: 1_300, events: 1_301, intact: false, brokenStreams: 1, broken };
        for (const places of [inProcess, threaded]) {
          expect(await places.verifyPlace(place)).toEqual(whole);
          // How far it is, batch by batch, for a person watching a large place being checked, and where it got to.
          const seen: PlacePosition[] = [];
          await places.verifyPlace(place, { onProgress: (progress) => seen.push(progress) });
          expect(seen.map((progress) => progress.streamsChecked)).toEqual([500, 1_000, 1_300]);
          expect(seen.map((progress) => progress.lastStream)).toEqual([
            caseIds[499],
            caseIds[999],
            caseIds[1_299],
          ]);
          expect(seen.at(-1)).toEqual({
            streams: 1_300,
            streamsChecked: 1_300,
            events: 1_301,
            lastStream: caseIds[1_299],
            brokenStreams: 1,
            broken,
          });
          // Gone on with from where a stopped process got to (before the broken case, and after it): the same verdict.
          for (const from of [seen[0], seen[1]])
            expect(await places.verifyPlace(place, {}, from)).toEqual(whole);
        }
        // A person who leaves once the first batch is reported: no batch is started after that.
        let wanted = true;
        const left = await inProcess.verifyPlace(place, {
          onProgress: () => {
            wanted = false;
          },
          stillWanted: () => wanted,
        });
        expect(left).toEqual(expect.objectContaining({ streams: 1_300, events: 1_001 }));
      } finally {
        await Promise.all([inProcess.onModuleDestroy(), threaded.onModuleDestroy()]);
      }

      // The service stopping mid-verification answers the batches its threads hold with an error, rather than leaving
      // the request hanging until the process is killed.
      const { url } = suite.dataSource.options as { url: string };
      const pool = new ChainCheckPool(2, url);
      const job = { key: new Uint8Array(32), keyedFromSeq: '1', streamIds: caseIds.slice(0, 500) };
      const held = [pool.check(job), pool.check(job), pool.check(job)].map((check) =>
        check.then(
          () => 'answered as if nothing happened',
          (error: Error) => error.message,
        ),
      );
      await pool.close();
      expect(await Promise.all(held)).toEqual(Array(3).fill('chain check pool is closed'));

      // Idle for long enough, the threads end (giving back their memory and connections); the next check starts anew.
      const resting = new ChainCheckPool(2, url, undefined, 300);
      const threadConnections = async () =>
        (
          (await suite.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'oneseal-audit-verify'`,
          )) as { n: number }[]
        )[0].n;
      try {
        const first = await resting.check(job);
        expect(first).toHaveLength(500);
        expect(resting.threadCount).toBe(1);
        expect(await threadConnections()).toBeGreaterThan(0);
        await eventually(
          'the idle thread to end and its connection to close',
          async () => (resting.threadCount === 0 && (await threadConnections()) === 0 ? true : undefined),
          { timeoutMs: 10_000 },
        );
        expect(await resting.check(job)).toEqual(first);
        expect(resting.threadCount).toBe(1);
      } finally {
        await resting.close();
      }
    });
  });
});
