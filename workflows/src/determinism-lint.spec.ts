import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Lints code as if it were a workflow file, with the project's own ESLint config, as the CLI does. */
function lintAsWorkflowFile(code: string): string[] {
  const result = spawnSync(
    process.execPath,
    [
      resolve(root, 'node_modules/eslint/bin/eslint.js'),
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      'workflows/src/case-handling/example.workflow.ts',
    ],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return report.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('workflow determinism lint', () => {
  it('rejects Node built-ins, I/O libraries and the process environment in workflow code', () => {
    const messages = lintAsWorkflowFile(
      [
        "import { readFileSync } from 'node:fs';",
        "import { Kafka } from 'kafkajs';",
        "import { DataSource } from 'typeorm';",
        "import { Client } from '@temporalio/client';",
        'export const leaks = [readFileSync, Kafka, DataSource, Client, process.env.TOWN];',
      ].join('\n'),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-restricted-imports: 'node:fs' import is restricted.*Node built-ins/),
        expect.stringMatching(/^no-restricted-imports: 'kafkajs' import is restricted.*does no I\/O/),
        expect.stringMatching(/^no-restricted-imports: 'typeorm' import is restricted/),
        expect.stringMatching(/^no-restricted-imports: '@temporalio\/client' import is restricted/),
        expect.stringMatching(/^no-restricted-globals: Unexpected use of 'process'/),
      ]),
    );
  });

  it('keeps validation out of workflow code: the whole contracts barrel, the domain and class-validator are refused', () => {
    const messages = lintAsWorkflowFile(
      [
        "import { TOPICS } from '@oneseal/contracts';",
        "import { deriveRoute } from '@oneseal/domain';",
        "import { validateSync } from 'class-validator';",
        'export const leaks = [TOPICS, deriveRoute, validateSync];',
      ].join('\n'),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^no-restricted-imports: '@oneseal\/contracts' import is restricted.*contracts\/workflow only/,
        ),
        expect.stringMatching(/^no-restricted-imports: '@oneseal\/domain' import is restricted/),
        expect.stringMatching(
          /^no-restricted-imports: 'class-validator' import is restricted.*does not validate/,
        ),
      ]),
    );
  });

  it('accepts what workflow code may use: @temporalio/workflow and the workflow-safe contracts', () => {
    const messages = lintAsWorkflowFile(
      [
        "import { condition } from '@temporalio/workflow';",
        "import { TASK_QUEUES, decideStepUpdate } from '@oneseal/contracts/workflow';",
        'export const allowed = [condition, TASK_QUEUES, decideStepUpdate];',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });
});
