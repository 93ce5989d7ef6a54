// Medium tests: real PostgreSQL (a database cloned per suite from a migrated template), real Kafka, real
// Temporal (the dev server, or the time-skipping test server for workflow deadlines).
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  testMatch: [
    '<rootDir>/{libs,services}/*/test/**/*.int-spec.ts',
    '<rootDir>/workflows/test/**/*.int-spec.ts',
  ],
  globalSetup: '<rootDir>/libs/testing/src/integration-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/integration-global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
