/**
 * German hyphenation (hyphen's de-1996 TeX patterns) as an asynchronous service of the renderer.
 *
 * The pattern file is a 750 kB JavaScript object literal that takes 130-150 ms to evaluate, about as
 * long as loading pdfkit. So it is loaded and applied in a worker thread, in parallel with pdfkit and
 * the fonts on the main thread; the engine asks for all new words of a document at once before layout.
 * The worker never keeps the process alive and ends after a while without requests (a renderer that is
 * dropped does not leave a thread behind); a later request starts it again. If a worker cannot be
 * started or fails, the same code runs on the main thread.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Takes words (letters only), returns each with soft hyphens (U+00AD) at the allowed breaks. */
export type HyphenateWords = (words: readonly string[]) => Promise<string[]>;

const OPTIONS = { html: false, minWordLength: 6 } as const;
const IDLE_MS = 5_000;

// CommonJS, evaluated in the worker: `require` is available there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const hyphenate = require(workerData.hyphenPath)(require(workerData.patternsPath), workerData.options);
parentPort.on('message', ({ id, words }) => {
  parentPort.postMessage({ id, words: words.map((word) => hyphenate(word)) });
});
`;

interface Request {
  words: readonly string[];
  resolve: (words: string[]) => void;
  reject: (error: unknown) => void;
}

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

  let worker: Worker | undefined;
  let broken = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 0;
  const pending = new Map<number, Request>();

  const spawn = (): Worker | undefined => {
    try {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { hyphenPath, patternsPath, options: OPTIONS } });
      w.unref(); // referenced only while a request is pending
      w.on('message', (message: { id: number; words: string[] }) => {
        const request = pending.get(message.id);
        if (!request) return;
        pending.delete(message.id);
        if (pending.size === 0) idle(w);
        request.resolve(message.words);
      });
      const fail = () => {
        if (worker !== w) return; // an intended stop
        // Whatever went wrong in the worker (it died, could not load the patterns): work here instead.
        broken = true;
        worker = undefined;
        for (const [id, request] of pending) {
          pending.delete(id);
          hyphenateInThread(request.words).then(request.resolve, request.reject);
        }
      };
      w.on('error', fail);
      w.on('exit', fail);
      return w;
    } catch {
      broken = true;
      return undefined;
    }
  };

  const idle = (w: Worker) => {
    w.unref();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (worker === w && pending.size === 0) {
        worker = undefined;
        void w.terminate();
      }
    }, IDLE_MS);
    idleTimer.unref();
  };

  // Start loading the patterns right away: this is what overlaps with loading pdfkit.
  worker = spawn();

  return (words) => {
    if (words.length === 0) return Promise.resolve([]);
    if (broken) return hyphenateInThread(words);
    worker ??= spawn();
    const w = worker;
    if (!w) return hyphenateInThread(words);
    clearTimeout(idleTimer);
    return new Promise<string[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { words, resolve, reject });
      w.ref();
      w.postMessage({ id, words });
    });
  };
}
