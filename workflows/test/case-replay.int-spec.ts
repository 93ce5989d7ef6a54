import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Worker,
  bundleWorkflowCode,
  type ReplayResult,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { CASE_PATHS, HISTORIES_DIR, historyPathOf } from './support/case-paths';
import { workflowsPath } from './support/case-harness';

/**
 * Cases already running keep running after a deploy only if today's workflow code makes the same decisions their
 * recorded histories show. Every path has a history (recorded by case-paths.int-spec.ts), and so do the versions
 * before it (kept as they were recorded). Two are orders a busy worker takes that no recording caught:
 * case-notice-refused-as-review-opens.v9 and .v10 are the recorded stalled-and-fixed case of that version cut after
 * the 受理通知书's refusal, moved into the workflow task that opened 审核 (the case's code of that version replays
 * them; a turn of the event loop more on the way to 审核's wait did not). case-stall-waiting-through-a-retry.v11 is
 * stalled-and-fixed as v11 ran it when 审核's hand-over was refused before the notice's retry: its stall waited its
 * turn through that retry, and is flagged on its own (v12 runs such a step again instead).
 */
describe('case workflow replay over recorded histories', () => {
  const histories = readdirSync(HISTORIES_DIR).filter((file) => file.endsWith('.json'));
  const workflowIdOf = (file: string) => file.replace(/\.json$/, '');
  let bundle: WorkflowBundleWithSourceMap;
  /** Each history's replay, by workflow id: one replay worker for them all (one worker per history left the
   * SDK's native runtime shutting 75 workers down for half a minute after the suite had ended). */
  const replays = new Map<string, ReplayResult>();

  // Bundling and replaying every history in one hook: more than a test's minute on a slow machine.
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath });
    const inputs = histories.map((file) => ({
      workflowId: workflowIdOf(file),
      history: JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')),
    }));
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, inputs)) {
      replays.set(result.workflowId, result);
    }
  }, 180_000);

  it('has a recorded history for every path of a case', () => {
    const missing = CASE_PATHS.filter((name) => !existsSync(historyPathOf(name)));
    expect(missing).toEqual([]);
  });

  it.each(histories)('replays %s without non-determinism', (file) => {
    const replay = replays.get(workflowIdOf(file));
    expect({ replayed: replay !== undefined, error: replay?.error?.message }).toEqual({
      replayed: true,
      error: undefined,
    });
  });

  it('holds the workflow bundle free of validation and I/O libraries', () => {
    // The contracts the workflow imports must stay plain: class-validator in the sandbox would be dead weight at
    // best and a source of non-determinism at worst.
    for (const library of ['class-validator', 'class-transformer', 'typeorm', 'kafkajs', '@nestjs']) {
      expect({ library, bundled: bundle.code.includes(`node_modules/${library}/`) }).toEqual({
        library,
        bundled: false,
      });
    }
  });
});
