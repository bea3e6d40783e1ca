/**
 * jest configuration: one project per test group (`jest --selectProjects unit`).
 * Node 24 strips the TypeScript types itself, so there is no transform; the
 * sources are ESM, run with `node --experimental-vm-modules` (see
 * scripts/run-tests.ts).
 */
import type { Config } from 'jest';

/** Per-group test timeout in ms; integration and e2e boot QEMU under TCG, which can take 30+ minutes. */
const TIMEOUT_MS = { unit: 120_000, integration: 3_600_000, e2e: 5_400_000 } as const;

const project = (group: keyof typeof TIMEOUT_MS): Config => ({
  displayName: group,
  rootDir: import.meta.dirname,
  testMatch: [`<rootDir>/test/${group}/**/*.test.ts`],
  transform: {},
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: '<rootDir>/test/support/jest-environment.ts',
  // jest 30 reads testTimeout from the global config only, so a project's own
  // value is passed to the setup file, which applies it with jest.setTimeout.
  globals: { __TEST_TIMEOUT_MS__: TIMEOUT_MS[group] },
  // Node's deepStrictEqual compares prototypes, which differ between jest's vm
  // context and the Node core that made the value (test/support/jest-assert-realm.ts).
  moduleNameMapper: {
    '^(node:)?assert$': '<rootDir>/test/support/jest-assert.cjs',
    '^(node:)?assert/strict$': '<rootDir>/test/support/jest-assert-strict.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
  // jest would otherwise crawl dist/, build/ and output/ (bundles, disk images)
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/', '<rootDir>/output/', '<rootDir>/.cache/'],
  watchPathIgnorePatterns: ['<rootDir>/output/', '<rootDir>/.cache/'],
});

const config: Config = {
  projects: [project('unit'), project('integration'), project('e2e')],
  // two cores: at most two test files (and so two QEMU guests) at once
  maxWorkers: 2,
  // the Debian boots first, on a fresh clone too (test/support/jest-sequencer.ts)
  testSequencer: '<rootDir>/test/support/jest-sequencer.ts',
  // A fresh worker process for every test file, as node:test gave each file its own process: state
  // in Node's own modules (HTTP interception, global dispatchers) cannot leak from one file to the
  // next, which made a nock-based file hang when it followed certain others in a reused worker.
  workerIdleMemoryLimit: '1MB',
  // the longest project's timeout, for anything run outside the setup file
  testTimeout: TIMEOUT_MS.e2e,
  // a test that boots QEMU for 10 minutes is not "slow" in a way worth flagging
  slowTestThreshold: 300,
};

export default config;
