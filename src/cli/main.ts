#!/usr/bin/env node
/**
 * The CLI as an ES module, for `node dist/src/cli/main.js` (tests, kim build's workers): the same as the
 * `kim` command (main.cts), which starts faster because it is CommonJS.
 */
import { fileURLToPath } from 'node:url';
import { startBundled } from './fast-start.cjs';

if (!startBundled(fileURLToPath(import.meta.url))) await import('./run.js');
