#!/usr/bin/env node
/**
 * The `kim` command (package.json `bin`). CommonJS, so that a cold start of the bundled CLI never starts
 * Node's ES module loader (fast-start.cts). Without a current bundle (after a bare `tsc`) it imports the
 * CLI's ES modules (run.ts).
 */
import { startBundled } from './fast-start.cjs';

if (!startBundled(__filename)) void import('./run.js');
