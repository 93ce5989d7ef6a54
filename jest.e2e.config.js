// End-to-end: the whole system as `npm start` runs it, driven through its HTTP APIs.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
