// Fuzzing: malformed input on every route of the running system (bounded, seeded; see e2e/fuzz).
module.exports = {
  ...require('./jest.preset'),
  displayName: 'fuzz',
  testMatch: ['<rootDir>/e2e/fuzz/**/*.fuzz-spec.ts'],
  testTimeout: 600_000,
  maxWorkers: 1,
};
