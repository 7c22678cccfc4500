import { ensureBuilt } from './cli.js';

/** Once per test run, before any test file: end-to-end tests need dist/ to match the sources. */
export default function setup(): void {
  ensureBuilt();
}
