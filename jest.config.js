// ESM jest: node runs with --experimental-vm-modules (see the "jest" script) and ts-jest
// compiles the TypeScript sources as ES modules.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageThreshold: {
    global: { lines: 90 },
  },
  coverageReporters: ['text-summary', 'text'],
  testTimeout: 120000,
  // The end-to-end suites share one Docker engine, one podman store and the stand-in images,
  // and each test checks that the engine holds no container of the action afterwards; two
  // suites at once would see each other's containers. One worker keeps them apart.
  maxWorkers: 1,
};
