import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The default reporter for people, plus the plain `N passed, N failed` line that CI reads.
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Builds dist/ once if it is older than the sources; tests of the built CLI rely on it.
    globalSetup: ['./test/support/global-setup.ts'],
    // Tests parse afresh every time (and the built CLI they spawn inherits this); the parse cache has its own tests.
    env: { KIM_CACHE: 'off' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
