// Small tests: pure code, no engines.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'unit',
  testMatch: [
    '<rootDir>/{libs,services}/*/src/**/*.spec.ts',
    '<rootDir>/workflows/src/**/*.spec.ts',
    '<rootDir>/deploy/**/*.spec.ts',
  ],
};
