/**
 * Worker processes of `kim build --jobs N`. Each worker is the built CLI itself (`kim build --worker`,
 * forked with an IPC channel): it loads and validates the data once, keeps one template engine and one
 * PDF renderer, and renders the reports the build process sends it one by one, writing their files and
 * manifest entries itself; it answers with each report's outcome.
 *
 * Processes rather than worker threads: the CLI bundle and its code cache load as for any kim run (no
 * separate thread entry), each worker has its own heap (peak memory per process stays that of a
 * one-process build), and a worker that crashes cannot take the build down with it.
 *
 * Reports are handed out one at a time (each worker holds at most two, so it never waits for the next)
 * rather than split up front: a worker becomes ready only after loading the data, and reports differ in
 * cost, so a fixed split would leave a core idle at the end. Who renders which report does not change
 * any output.
 */
import { internalMessage } from '../errors.js';
import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { Environment, Faults } from '../environment.js';
import type { BuildSettings, BuiltOutcome, Unit } from './types.js';

/**
 * What a worker is told over IPC: the build's settings and the parts of the environment that shape its
 * outputs (the worker's own process environment holds only what Node needs, see Environment.childVariables).
 * The rest it reads from the data folder itself.
 */
export type WorkerSettings = Omit<BuildSettings, 'force' | 'env'> & { env: WorkerEnvironment };

/** The Environment as it travels to a worker: plain values only (a Date as milliseconds, no trace function). */
export interface WorkerEnvironment {
  sourceDate?: number | undefined;
  cacheDir?: string | undefined;
  faults?: Faults | undefined;
}

export const toWorkerEnvironment = (env: Environment): WorkerEnvironment => ({ sourceDate: env.sourceDate?.getTime(), cacheDir: env.cacheDir, faults: env.faults });

export const fromWorkerEnvironment = (env: WorkerEnvironment): Environment => ({
  ...(env.sourceDate !== undefined ? { sourceDate: new Date(env.sourceDate) } : {}),
  cacheDir: env.cacheDir,
  faults: env.faults,
});

/**
 * How a worker process is started: only the variables the CLI chose for child processes (never all of
 * this process's, which may hold tokens), and no colour in what it prints.
 */
export function workerForkOptions(env: Environment): ForkOptions {
  return { stdio: ['ignore', 'inherit', 'pipe', 'ipc'], execArgv: [], env: { ...env.childVariables, NO_COLOR: '1' } };
}

export type ToWorker = { type: 'start'; settings: WorkerSettings } | { type: 'build'; id: string; file: string } | { type: 'end' };
/**
 * Units are named by their file, not their id: two files can give the same id (a broken file named after
 * a valid report in a misnamed file), and the worker must build the one it was sent.
 */
export type FromWorker = { type: 'ready' } | { type: 'unusable'; message: string } | { type: 'outcome'; file: string; outcome: BuiltOutcome };

/** Reports a worker holds at once: one it renders, one waiting, so it never idles for a message. */
const IN_FLIGHT = 2;

export interface WorkerPool {
  /** Sends away unused all but `keep` workers (fewer reports to build than workers). */
  dismiss(keep: number): void;
  /** Lets the workers take units from `next` until it returns undefined; resolves per worker when done (or dead). */
  run(next: () => Unit | undefined, record: (outcome: BuiltOutcome) => void): Promise<void>[];
  /** Sends away the workers not yet ready (all work is done). */
  dismissUnready(): void;
  /**
   * Ends every worker and waits for it to exit; resolves with the process ids of workers that did not
   * exit by themselves within a grace period and were killed (a bug in kim).
   */
  close(): Promise<number[]>;
}

/** The CLI a worker runs: the built `kim` command (CommonJS, so each worker skips the ES module loader; also when kim runs as a library from src/). */
const cliEntry = (): string => join(packageRoot, 'dist', 'src', 'cli', 'main.cjs');

export function startWorkers(count: number, settings: WorkerSettings, env: Environment): WorkerPool {
  const entry = cliEntry();
  const workers = existsSync(entry) ? Array.from({ length: count }, () => new Worker(entry, settings, workerForkOptions(env))) : [];
  return {
    dismiss(keep) {
      for (const w of workers.slice(keep)) w.dismiss();
    },
    run: (next, record) => workers.map((w) => w.run(next, record)),
    dismissUnready() {
      for (const w of workers) if (!w.ready) w.dismiss();
    },
    close: async () => {
      const killed = await Promise.all(workers.map((w) => w.close()));
      return workers.filter((_, i) => killed[i]).map((w) => w.child.pid ?? 0);
    },
  };
}

class Worker {
  readonly child: ChildProcess;
  ready = false;
  private dead = false;
  private dismissed = false;
  private stderr = '';
  private readonly exited: Promise<void>;
  private readonly listeners = new Set<(message: FromWorker | 'exit') => void>();

  constructor(entry: string, settings: WorkerSettings, options: ForkOptions) {
    // stdout inherited (a worker prints nothing): whoever waits for this kim's output to end also waits
    // for its workers. stderr is collected for the message should a worker crash.
    this.child = fork(entry, ['build', '--worker'], options);
    this.child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-4000);
    });
    this.child.on('message', (message: FromWorker) => {
      if (message.type === 'ready') this.ready = true;
      for (const l of [...this.listeners]) l(message);
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', () => {
        this.dead = true;
        for (const l of [...this.listeners]) l('exit');
        resolve();
      });
      // A worker that cannot be started at all counts as dead; its reports are done by the others.
      this.child.on('error', () => {
        if (this.child.exitCode === null && this.child.pid === undefined) {
          this.dead = true;
          for (const l of [...this.listeners]) l('exit');
          resolve();
        }
      });
    });
    this.send({ type: 'start', settings });
  }

  private send(message: ToWorker): void {
    if (this.dead || !this.child.connected) return;
    this.child.send(message, (error) => {
      if (error) this.child.kill();
    });
  }

  /** Not needed: ended at once, still loading the data (it never got a report, so it has written nothing). */
  dismiss(): void {
    if (this.dismissed) return;
    this.dismissed = true;
    if (!this.dead) this.child.kill();
    for (const l of [...this.listeners]) l('exit');
  }

  run(next: () => Unit | undefined, record: (outcome: BuiltOutcome) => void): Promise<void> {
    return new Promise((resolve) => {
      const held = new Map<string, { id: string; since: number }>();
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        this.listeners.delete(listener);
        resolve();
      };
      const fill = (): void => {
        while (held.size < IN_FLIGHT) {
          const unit = next();
          if (!unit) break;
          held.set(unit.file, { id: unit.id, since: performance.now() });
          this.send({ type: 'build', id: unit.id, file: unit.file });
        }
        if (held.size === 0) {
          this.send({ type: 'end' });
          finish();
        }
      };
      const listener = (message: FromWorker | 'exit'): void => {
        if (message === 'exit') {
          // Gone (crashed, killed, or dismissed): what it held fails — a bug in kim, not the data.
          const why = this.stderr.trim() ? `:\n${this.stderr.trim()}` : ` (Exit-Code ${this.child.exitCode ?? this.child.signalCode ?? '?'}).`;
          for (const { id, since } of held.values()) {
            record({ id, status: 'failed', written: [], diagnostics: [], internal: true, ms: Math.round(performance.now() - since), message: internalMessage(`der Hilfsprozess ${this.child.pid ?? ''} brach ab${why}`) });
          }
          held.clear();
          finish();
        } else if (message.type === 'ready') {
          fill();
        } else if (message.type === 'unusable') {
          // It could not load the data (changed since?): the others build its share.
          finish();
        } else if (message.type === 'outcome') {
          held.delete(message.file);
          record(message.outcome);
          fill();
        }
      };
      if (this.dead || this.dismissed) return finish();
      this.listeners.add(listener);
      if (this.ready) fill();
    });
  }

  /** Ends the worker; true when it had to be killed because it did not exit by itself. */
  async close(): Promise<boolean> {
    this.send({ type: 'end' });
    // A worker ends at once when told to (or when it has told us it cannot work); one that is still
    // there after a few seconds is killed, and that is a bug worth reporting, not a silent delay.
    let killed = false;
    const timer = setTimeout(() => {
      killed = !this.dead && !this.dismissed;
      this.child.kill('SIGKILL');
    }, 5000);
    await this.exited;
    clearTimeout(timer);
    return killed;
  }
}
