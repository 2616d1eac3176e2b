/**
 * One jest run, four projects. DynamoDB Local is started once for the whole run by the
 * global setup (and always stopped by the global teardown).
 */
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const transform = {
  // tsconfig.json has isolatedModules, so ts-jest only transpiles; `npm run typecheck` type-checks.
  '^.+\\.ts$': ['ts-jest', {}],
  // @middy/core ships ES modules only; transpile it for jest's CommonJS runtime.
  '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
};
const common = {
  rootDir: root,
  transform,
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testEnvironment: 'node',
};

module.exports = {
  rootDir: root,
  // Most e2e and integration time is waiting (on DynamoDB Local, child processes, timers):
  // two workers even on two cores, where jest's default (cores - 1) would run one.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  collectCoverageFrom: ['<rootDir>/shared/**/*.ts', '<rootDir>/functions/**/*.ts'],
  coverageThreshold: { global: { lines: 85 } },
  coverageReporters: ['text-summary', 'json-summary'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      // Every response an e2e stack gives is checked against the OpenAPI contract.
      setupFilesAfterEnv: ['<rootDir>/test/support/contract-setup.ts'],
    },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
  ],
};
