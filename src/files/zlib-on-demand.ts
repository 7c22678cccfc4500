import { createRequire } from 'node:module';

let zlib: typeof import('node:zlib') | undefined;

/**
 * Node's zlib, loaded on the first call instead of with the importing module: only a Word template, a
 * PNG logo and the Word output need it, and loading it (with the stream modules it pulls in) cost about
 * 2 ms of every `kim validate` and Markdown run (docs/performance.md). The PDF stage loads it anyway.
 */
export function zlibOnDemand(): typeof import('node:zlib') {
  return (zlib ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib'));
}
