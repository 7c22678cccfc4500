/**
 * The worker side of `kim build --jobs N` (`kim build --worker`, started by pool.ts): loads the data,
 * then renders the reports it is sent, one by one, with one template engine and one PDF renderer.
 */
import { DataError, KimError, UsageError } from '../errors.js';
import { buildUnit, prepare, type BuiltOutcome, type Context } from './build.js';
import { fromWorkerEnvironment, type FromWorker, type ToWorker } from './pool.js';

/** Exit code of a worker that found its build process gone. */
const EXIT_ORPHANED = 70;

/**
 * The worker side (`kim build --worker`): loads the data, then renders the reports it is sent until told
 * to end. Exits when the build process goes away (its IPC channel closes). Returns the exit code. Its
 * environment (SOURCE_DATE_EPOCH, disk cache, faults) comes with the settings, from the build process.
 */
export async function serveWorker(): Promise<number> {
  if (!process.send) throw new UsageError('Die Option --worker ist kim build selbst vorbehalten.');
  const inbox: ToWorker[] = [];
  let wake: (() => void) | undefined;
  process.on('message', (message: ToWorker) => {
    inbox.push(message);
    wake?.();
  });
  // The build process is gone (killed): stop at once, as it would have.
  const orphaned = (): never => process.exit(EXIT_ORPHANED);
  process.on('disconnect', orphaned);
  const receive = async (): Promise<ToWorker> => {
    while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return inbox.shift()!;
  };
  const reply = (message: FromWorker): Promise<void> => new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));

  try {
    const first = await receive();
    if (first.type !== 'start') return 0;
    const env = fromWorkerEnvironment(first.settings.env);
    let ctx: Context;
    try {
      ctx = await prepare({ ...first.settings, env });
    } catch (cause) {
      await reply({ type: 'unusable', message: cause instanceof DataError || cause instanceof KimError ? cause.message : String(cause) });
      return 0;
    }
    // A worker whose build process is gone (killed) stops before its next write rather than go on writing
    // into a folder the next build may already be using. (It also exits on the IPC channel's
    // disconnect; this covers the moment between a long render and that event.)
    ctx.beforeWrite = () => {
      if (!process.connected) process.exit(EXIT_ORPHANED);
    };
    const byFile = new Map(ctx.units.map((u) => [u.file, u]));
    await reply({ type: 'ready' });
    for (let message = await receive(); message.type === 'build'; message = await receive()) {
      // Fault injection for the tests (test/workflow/build.test.ts): a worker that dies mid-build ('*': at its first report).
      const crashAt = env.faults?.workerExit;
      if (crashAt === '*' || crashAt === message.id) process.exit(99);
      const unit = byFile.get(message.file);
      const outcome: BuiltOutcome = unit
        ? await buildUnit(ctx, unit)
        : { id: message.id, status: 'failed', written: [], diagnostics: [], ms: 0, message: 'Die Vorlage wurde während des Builds aus den Daten entfernt.' };
      await reply({ type: 'outcome', file: message.file, outcome });
    }
    return 0;
  } finally {
    // Whichever way the worker ends, the open IPC channel would keep it alive until the build process
    // kills it: close it, so the worker exits as soon as it has nothing left to do.
    process.off('disconnect', orphaned);
    if (process.connected) process.disconnect();
  }
}
