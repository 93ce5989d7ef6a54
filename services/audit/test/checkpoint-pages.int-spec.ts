import { randomBytes, randomUUID } from 'node:crypto';
import { generateSm2KeyPair } from '@oneseal/gm-crypto';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { CheckpointsService, type CheckpointProgress } from '../src/checkpoints/checkpoints.service';
import { AUDIT_SCHEMA } from '../src/config/audit.env';
import { EventLogService } from '../src/event-log/event-log.service';
import { caseEvent } from './support/events';
import { exportedCopy } from './support/exported-copy';
import { tamperWithLog } from './support/tamper';

/**
 * A checkpoint after a large load holds a million heads: the check reads them a page at a time in the order their
 * digest was taken in, never all at once. Here a page is three heads, so seven cases take three pages.
 */
describe('checking a checkpoint a page of heads at a time (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let log: EventLogService;
  let checkpoints: CheckpointsService;
  const key = generateSm2KeyPair();
  // Upper and lower case: orders that differ between byte order and a language's collation.
  const cases = [...Array.from({ length: 5 }, () => randomUUID()), `A-${randomUUID()}`, `b-${randomUUID()}`];
  const inDigestOrder = [...cases].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  beforeAll(async () => {
    suite = await openSuiteDataSource('audit-checkpoint-pages', { schema: AUDIT_SCHEMA, entities: [] });
    log = new EventLogService(suite.dataSource, randomBytes(32));
    checkpoints = new CheckpointsService(suite.dataSource, key, 0, 3);
    for (const caseId of cases) await log.append(caseEvent(caseId, 'intake.application-submitted'), 't');
    await checkpoints.take();
  });

  afterAll(async () => {
    await suite?.close();
  });

  const tamper = (sql: string, params: unknown[]) => tamperWithLog(suite, sql, params);

  it('vouches for the log page by page, saying how far it is after each page', async () => {
    const seen: CheckpointProgress[] = [];
    await expect(
      checkpoints.verify(undefined, { onProgress: (progress) => seen.push(progress) }),
    ).resolves.toEqual(expect.objectContaining({ intact: true, checkpoints: 1, heads: 7, problems: [] }));
    expect(seen.map(({ checkpointsChecked, headsChecked }) => [checkpointsChecked, headsChecked])).toEqual([
      [0, 3],
      [0, 6],
      [0, 7],
      [1, 7],
    ]);
    // A copy with its heads is checked the same way.
    await expect(checkpoints.verify(await exportedCopy(checkpoints))).resolves.toEqual(
      expect.objectContaining({ intact: true, heads: 7 }),
    );
  });

  it('finds a rewritten event on a later page, and a head removed from the stored checkpoint', async () => {
    const onLastPage = inDigestOrder[6];
    await tamper(`UPDATE audit.events SET hash = $2 WHERE stream_id = $1`, [onLastPage, '0'.repeat(64)]);
    const rewritten = await checkpoints.verify();
    expect(rewritten.problems).toEqual([
      expect.objectContaining({ kind: 'changed-event', streamId: onLastPage, version: 1 }),
    ]);

    const onFirstPage = inDigestOrder[1];
    await tamper(`DELETE FROM audit.checkpoint_heads WHERE stream_id = $1`, [onFirstPage]);
    const seen: CheckpointProgress[] = [];
    const verdict = await checkpoints.verify(undefined, { onProgress: (progress) => seen.push(progress) });
    // Six heads left no longer give the digest the checkpoint signed: its own problem first, then its heads'.
    expect(verdict).toEqual(expect.objectContaining({ intact: false, heads: 6 }));
    expect(verdict.problems.map((problem) => problem.kind)).toEqual(['signature', 'changed-event']);
    // The total it announced is corrected to what it found, so the check ends complete.
    expect(seen.at(-1)).toEqual({ checkpoints: 1, checkpointsChecked: 1, heads: 6, headsChecked: 6 });
  });
});
