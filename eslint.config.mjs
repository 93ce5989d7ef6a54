import nx from '@nx/eslint-plugin';
import { builtinModules } from 'node:module';

/**
 * Which kinds of project may import which. Tests (spec files and test/ folders) may also use the testing
 * library, which brings the real engines; production code never does.
 */
function moduleBoundaries({ testCode }) {
  const testing = testCode ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      // Contracts are imported everywhere, including workflow bundles: they depend on nothing of ours.
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', ...testing] },
      // Pure domain code (calendar, routes, catalogue model): no I/O, no framework.
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', ...testing] },
      // Workflow code is deterministic: the workflow-safe contracts only (the rule below names the entry point).
      // Its tests may use the domain's calendar and route derivation to build inputs and check dates.
      {
        sourceTag: 'type:workflow',
        onlyDependOnLibsWithTags: ['type:contracts', ...(testCode ? ['type:domain'] : []), ...testing],
      },
      // The coded errors every layer answers with depend on nothing of ours (so auth need not pull in Kafka).
      { sourceTag: 'type:errors', onlyDependOnLibsWithTags: [] },
      {
        sourceTag: 'type:infra',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:errors', 'type:infra', ...testing],
      },
      {
        sourceTag: 'type:testing',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:errors', 'type:infra'],
      },
      // A service may start workflows (typed by the workflows package) but never imports another service.
      {
        sourceTag: 'type:service',
        onlyDependOnLibsWithTags: [
          'type:contracts',
          'type:domain',
          'type:errors',
          'type:infra',
          'type:workflow',
          ...testing,
        ],
      },
      {
        sourceTag: 'type:e2e',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:workflow'],
      },
    ],
  };
}

const WORKFLOW_CONTRACTS_ONLY =
  'Workflow code may import @oneseal/contracts/workflow only: plain contracts, no validation or I/O libraries.';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', '.oneseal/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ testCode: false })],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ testCode: true })] },
  },
  {
    // Workflow code is replayed and must be deterministic: no I/O, no Node, no frameworks.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'Workflow code cannot use Node built-ins; do I/O in an activity.',
            })),
            { name: '@oneseal/contracts', message: WORKFLOW_CONTRACTS_ONLY },
          ],
          patterns: [
            {
              group: ['@nestjs/*'],
              message: 'Workflow code cannot use Nest; it runs in the Temporal sandbox.',
            },
            {
              group: ['typeorm', 'pg', 'kafkajs', 'nestjs-pino', 'pino'],
              message: 'Workflow code does no I/O; call an activity.',
            },
            {
              group: [
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
                '@temporalio/testing',
              ],
              message: 'Workflow code uses @temporalio/workflow only.',
            },
            {
              group: [
                '@oneseal/*',
                '!@oneseal/contracts',
                '@oneseal/contracts/*',
                '!@oneseal/contracts/workflow',
              ],
              message: WORKFLOW_CONTRACTS_ONLY,
            },
            {
              group: ['class-validator', 'class-transformer'],
              message:
                'Workflow code does not validate; contracts are checked at the edges that receive them.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'Workflow code cannot read the process environment; pass values as workflow input.',
        },
        { name: 'require', message: 'Workflow code imports modules statically.' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
];
