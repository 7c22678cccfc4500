import { defineConfig } from 'vitest/config';

/** The end-to-end install test (npm pack, npm install from a tarball and from git) runs after the rest, alone. */
const INSTALL = 'test/workflow/install-e2e.test.ts';

export default defineConfig({
  test: {
    // The default reporter for people, plus the plain `N passed, N failed` line that CI reads.
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Builds dist/ once if it is older than the sources; tests of the built CLI rely on it.
    globalSetup: ['./test/support/global-setup.ts'],
    // Tests parse afresh every time (and the built CLI they spawn inherits this); the parse cache has its own tests.
    env: { KIM_CACHE: 'off' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'kim', include: ['test/**/*.test.ts'], exclude: [INSTALL] } },
      // It keeps both cores busy with npm and builds for two minutes: after the others (groupOrder), so
      // it cannot slow down a test that bounds how long a refusal may take.
      { extends: true, test: { name: 'install', include: [INSTALL], sequence: { groupOrder: 1 } } },
    ],
  },
});
