import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { CASE_PATHS, HISTORIES_DIR, historyPathOf } from './support/case-paths';
import { workflowsPath } from './support/case-harness';

/**
 * Cases already running keep running after a deploy only if today's workflow code makes the same decisions their
 * recorded histories show. Every path has a history (recorded by case-paths.int-spec.ts), and so do the versions
 * before it (kept as they were recorded).
 */
describe('case workflow replay over recorded histories', () => {
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath });
  });

  it('has a recorded history for every path of a case', () => {
    const missing = CASE_PATHS.filter((name) => !existsSync(historyPathOf(name)));
    expect(missing).toEqual([]);
  });

  const histories = readdirSync(HISTORIES_DIR).filter((file) => file.endsWith('.json'));

  it.each(histories)('replays %s without non-determinism', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, file.replace(/\.json$/, '')),
    ).resolves.toBeUndefined();
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
