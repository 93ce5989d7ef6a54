import { randomBytes, randomUUID } from 'node:crypto';
import { generateSm2KeyPair } from '@oneseal/gm-crypto';
import { caseEvent } from './support/events';
import { exportedCopy } from './support/exported-copy';
import { tamperWithLog } from './support/tamper';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { CheckpointError } from '../src/checkpoints/checkpoint.errors';
import { CheckpointsService, type CheckpointProgress } from '../src/checkpoints/checkpoints.service';
import { AUDIT_SCHEMA } from '../src/config/audit.env';
import { EventLogService } from '../src/event-log/event-log.service';

describe('signed checkpoints of the audit log (real PostgreSQL, SM2)', () => {
  let suite: SuiteDataSource;
  let log: EventLogService;
  let checkpoints: CheckpointsService;
  const key = generateSm2KeyPair();

  beforeAll(async () => {
    suite = await openSuiteDataSource('audit-checkpoints', { schema: AUDIT_SCHEMA, entities: [] });
    log = new EventLogService(suite.dataSource, randomBytes(32));
    // No settling time: the test commits its events before it asks for a checkpoint.
    checkpoints = new CheckpointsService(suite.dataSource, key, 0);
  });

  afterAll(async () => {
    await suite?.close();
  });

  const tamper = (sql: string, params: unknown[]) => tamperWithLog(suite, sql, params);

  const caseA = randomUUID();
  const caseB = randomUUID();

  it('signs the head of every chain that grew, chains the checkpoints, and takes none when nothing grew', async () => {
    await log.append(
      caseEvent(caseA, 'intake.application-submitted', { receiptNumber: '140525-20261205-000101' }),
      't',
    );
    await log.append(caseEvent(caseA, 'routing.case-routed'), 't');
    await log.append(
      caseEvent(caseB, 'intake.application-submitted', { receiptNumber: '140525-20261205-000102' }),
      't',
    );

    const first = await checkpoints.take();
    expect(first).toEqual(expect.objectContaining({ seq: 1, headsCount: 2, publicKey: key.publicKey }));
    expect(await checkpoints.take()).toBeUndefined();

    await log.append(caseEvent(caseA, 'approval.case-accepted'), 't');
    const second = await checkpoints.take();
    expect(second).toEqual(expect.objectContaining({ seq: 2, headsCount: 1 }));
    expect(second?.previousSm3).not.toBe(first?.previousSm3);

    await expect(checkpoints.verify()).resolves.toEqual(
      expect.objectContaining({ intact: true, checkpoints: 2, heads: 3, problems: [] }),
    );
    // How far it is, for a person watching: each checkpoint's heads, then the checkpoint, with the same verdict.
    const seen: CheckpointProgress[] = [];
    await expect(
      checkpoints.verify(undefined, { onProgress: (progress) => seen.push(progress) }),
    ).resolves.toEqual(expect.objectContaining({ intact: true, checkpoints: 2, heads: 3 }));
    expect(seen.map(({ checkpointsChecked, headsChecked }) => [checkpointsChecked, headsChecked])).toEqual([
      [0, 2],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(seen.every((progress) => progress.checkpoints === 2 && progress.heads === 3)).toBe(true);
  });

  it('finds the deleted last event of a case, by its 办件编号, though the chain left behind is whole', async () => {
    const copy = await exportedCopy(checkpoints);
    // A copy without heads (what the console exports: a million cases have a million heads) holds only checkpoints.
    const compact = await exportedCopy(checkpoints, false);
    expect(compact.checkpoints.map((checkpoint) => [checkpoint.seq, 'heads' in checkpoint])).toEqual([
      [1, false],
      [2, false],
    ]);
    await tamper(`DELETE FROM audit.events WHERE stream_id = $1 AND version = 3`, [caseA]);
    // The chain that is left still links: only the checkpoint knows there was a third event.
    await expect(log.verify(caseA)).resolves.toEqual(expect.objectContaining({ intact: true, events: 2 }));

    const verdict = await checkpoints.verify();
    expect(verdict.intact).toBe(false);
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'missing-event',
        checkpointSeq: 2,
        version: 3,
        message: '办件 140525-20261205-000101 的第 3 条事件已不在日志中（被删除或截断）',
      }),
    ]);

    // Removing the checkpoint that knew of it hides it from the database's own view, not from an exported copy.
    await tamper(`DELETE FROM audit.checkpoint_heads WHERE checkpoint_seq = 2`, []);
    await tamper(`DELETE FROM audit.checkpoints WHERE seq = 2`, []);
    await expect(checkpoints.verify()).resolves.toEqual(expect.objectContaining({ intact: true }));
    const againstCopy = await checkpoints.verify(copy);
    expect(againstCopy.intact).toBe(false);
    expect(againstCopy.problems.map((problem) => problem.kind)).toEqual([
      'missing-checkpoint',
      'missing-event',
    ]);
    expect(againstCopy.problems[0].message).toBe('第 2 号检查点在系统中已不存在（被删除）');
    // The copy without heads shows the removed checkpoint as well; the heads of those still there are checked from
    // the database (the removed one's heads, and so its deleted event, only a copy with heads can show).
    const againstCompact = await checkpoints.verify(compact);
    expect(againstCompact).toEqual(expect.objectContaining({ intact: false, checkpoints: 2, heads: 2 }));
    expect(againstCompact.problems.map((problem) => problem.kind)).toEqual(['missing-checkpoint']);
  });

  it('checks a copy without heads with the database’s heads, which the copy’s signed digest vouches for', async () => {
    const compact = await exportedCopy(checkpoints, false);
    await expect(checkpoints.verify(compact)).resolves.toEqual(
      expect.objectContaining({ intact: true, checkpoints: 1, heads: 2, problems: [] }),
    );
  });

  it('refuses a signed head that was edited to match a rewritten event, and a copy signed by another key', async () => {
    const compact = await exportedCopy(checkpoints, false);
    await tamper(`UPDATE audit.checkpoint_heads SET hash = $2 WHERE checkpoint_seq = 1 AND stream_id = $1`, [
      caseB,
      'f'.repeat(64),
    ]);
    const verdict = await checkpoints.verify();
    expect(verdict.problems.map((problem) => problem.kind)).toEqual(['signature', 'changed-event']);
    expect(verdict.problems[0].message).toContain('第 1 号检查点的签名核验不通过');
    // Checked against a copy without heads, the database's edited head no longer matches the digest it signed.
    const againstCompact = await checkpoints.verify(compact);
    expect(againstCompact.problems.map((problem) => problem.kind)).toEqual(['signature', 'changed-event']);

    const foreign = { ...(await exportedCopy(checkpoints)), publicKey: generateSm2KeyPair().publicKey };
    await expect(checkpoints.verify(foreign)).rejects.toBeInstanceOf(CheckpointError);
  });

  it('is read and added to by the audit service, never changed by it', async () => {
    await expect(suite.dataSource.query(`DELETE FROM audit.checkpoints`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(suite.dataSource.query(`UPDATE audit.checkpoint_heads SET hash = hash`)).rejects.toThrow(
      /permission denied/,
    );
    // A head belongs to a signed checkpoint: one naming none is refused when its transaction commits.
    await expect(
      suite.dataSource.query(
        `INSERT INTO audit.checkpoint_heads (checkpoint_seq, stream_id, version, hash) VALUES (999, 'x', 1, $1)`,
        ['0'.repeat(64)],
      ),
    ).rejects.toThrow(/checkpoint_heads_checkpoint_seq_fkey/);
  });
});
