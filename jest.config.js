/** Jest runs the TypeScript sources as native ES modules through ts-jest. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // End-to-end tests start several node processes one after another; on a busy
  // two-core CI machine jest's 5 s default is too tight. A hang still fails.
  testTimeout: 30_000,
  collectCoverageFrom: ['src/**/*.ts', 'simulator/**/*.ts']
}
