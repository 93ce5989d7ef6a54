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
      // Pure domain code (calendar, routes, catalogue model): deterministic, so workflows may use it too.
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', ...testing] },
      // Workflow code is deterministic: contracts and pure domain code only, never infrastructure.
      { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', ...testing] },
      { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', ...testing] },
      {
        sourceTag: 'type:testing',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra'],
      },
      // A service may start workflows (typed by the workflows package) but never imports another service.
      {
        sourceTag: 'type:service',
        onlyDependOnLibsWithTags: [
          'type:contracts',
          'type:domain',
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
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code cannot use Node built-ins; do I/O in an activity.',
          })),
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
              group: ['@oneseal/*', '!@oneseal/contracts', '!@oneseal/domain'],
              message: 'Workflow code may import @oneseal/contracts and @oneseal/domain only.',
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
