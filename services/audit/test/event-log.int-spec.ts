import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { AUDIT_SCHEMA } from '../src/config/audit.env';
import { EventLogService } from '../src/event-log/event-log.service';

function event(caseId: string, type: string): EventEnvelope<unknown> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    subject: caseId,
    county: '140525',
    town: '140525100',
    actor: { kind: 'service', id: 'test' },
    correlationId: caseId,
    payload: { caseId, note: '测试' },
  };
}

describe('the audit event log (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let log: EventLogService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('audit', { schema: AUDIT_SCHEMA, entities: [] });
    log = new EventLogService(suite.dataSource);
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
    ].map((type) => event(caseId, type));
    await Promise.all(events.map((e) => log.append(e, `topic.${e.type}`)));
    await expect(log.append(events[0], 'topic.again')).resolves.toBe('duplicate');

    const replayed = await log.replay(caseId);
    expect(replayed.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(new Set(replayed.map((e) => e.eventId))).toEqual(new Set(events.map((e) => e.id)));
    expect(replayed[0].prevHash).toBe('0'.repeat(64));
    expect(replayed[1].prevHash).toBe(replayed[0].hash);
    await expect(log.verify(caseId)).resolves.toEqual(expect.objectContaining({ intact: true, events: 4 }));
  });

  it('refuses to change or delete a recorded event', async () => {
    const caseId = randomUUID();
    await log.append(event(caseId, 'intake.application-submitted'), 'topic');
    await expect(
      suite.dataSource.query(`UPDATE audit.events SET type = 'x' WHERE stream_id = $1`, [caseId]),
    ).rejects.toThrow('审计日志只能追加，不能修改或删除（UPDATE）');
    await expect(
      suite.dataSource.query(`DELETE FROM audit.events WHERE stream_id = $1`, [caseId]),
    ).rejects.toThrow('（DELETE）');
  });

  it('shows where a stream was altered behind its back', async () => {
    const caseId = randomUUID();
    for (const type of [
      'intake.application-submitted',
      'routing.case-routed',
      'approval.review-task-opened',
    ]) {
      await log.append(event(caseId, type), 'topic');
    }
    // Someone with the table owner's rights switches the guard off and edits history.
    await suite.dataSource.transaction(async (manager) => {
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
});
