/**
 * German hyphenation (hyphen's de-1996 TeX patterns) as an asynchronous service of the renderer.
 *
 * The pattern file is a 750 kB JavaScript object literal that takes 130-150 ms to evaluate, about as
 * long as loading pdfkit. So it is loaded and applied in a worker thread, in parallel with pdfkit and
 * the fonts on the main thread; the engine asks for all words of a document at once before layout.
 * If a worker cannot be started, the same code runs on the main thread.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Takes words (letters only), returns each with soft hyphens (U+00AD) at the allowed breaks. */
export type HyphenateWords = (words: readonly string[]) => Promise<string[]>;

const OPTIONS = { html: false, minWordLength: 6 } as const;

// CommonJS, evaluated in the worker: `require` is available there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const hyphenate = require(workerData.hyphenPath)(require(workerData.patternsPath), workerData.options);
parentPort.on('message', ({ id, words }) => {
  parentPort.postMessage({ id, words: words.map((word) => hyphenate(word)) });
});
`;

export function startHyphenation(): HyphenateWords {
  const require = createRequire(import.meta.url);
  const hyphenPath = require.resolve('hyphen/hyphen.js');
  const patternsPath = require.resolve('hyphen/patterns/de-1996.js');

  let inThread: ((word: string) => string) | undefined;
  const hyphenateInThread: HyphenateWords = async (words) => {
    inThread ??= (require(hyphenPath) as (patterns: unknown, options: object) => (word: string) => string)(
      require(patternsPath),
      OPTIONS,
    );
    return words.map((word) => inThread!(word));
  };

  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hyphenPath, patternsPath, options: OPTIONS } });
  } catch {
    return hyphenateInThread;
  }
  // The worker must not keep the process alive; it is referenced only while a request is pending.
  worker.unref();
  let failed = false;
  let nextId = 0;
  const pending = new Map<number, { words: readonly string[]; resolve: (words: string[]) => void; reject: (e: unknown) => void }>();
  const settle = () => {
    if (pending.size === 0) worker.unref();
  };
  worker.on('message', (message: { id: number; words: string[] }) => {
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    settle();
    request.resolve(message.words);
  });
  const fail = () => {
    if (failed) return;
    failed = true;
    // Whatever went wrong in the worker (it died, could not load the patterns): do the work here.
    for (const [id, request] of pending) {
      pending.delete(id);
      hyphenateInThread(request.words).then(request.resolve, request.reject);
    }
    worker.unref();
  };
  worker.on('error', fail);
  worker.on('exit', fail);

  return (words) => {
    if (words.length === 0) return Promise.resolve([]);
    if (failed) return hyphenateInThread(words);
    return new Promise<string[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { words, resolve, reject });
      worker.ref();
      worker.postMessage({ id, words });
    });
  };
}
