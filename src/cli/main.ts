#!/usr/bin/env node
/**
 * Entry point of the `kim` command. Runs the bundled CLI with a code cache when the build made one
 * (fast-start.ts: a cold start costs a fraction), otherwise the CLI's ES modules (run.ts).
 */
import { startBundled } from './fast-start.js';

if (!startBundled(import.meta.url)) await import('./run.js');
