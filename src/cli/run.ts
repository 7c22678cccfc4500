/**
 * The CLI proper: parses the arguments and runs one command. Started by main.ts, either from the bundle
 * (dist/src/kim-cli.cjs, see scripts/bundle.mjs) or, when there is none, as this ES module.
 */
import { CommanderError } from 'commander';
import { EXIT, internalMessage, type ExitCode } from '../errors.js';
import { readEnvironment } from './environment.js';
import { buildProgram, usageMessage } from './program.js';
import { reportFailure } from './runner.js';
import { processTerminal } from './terminal.js';

/** The only place that exits: the library and commands throw or return exit codes. */
async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  // The one place that reads environment variables and the current folder; everything below gets them from here.
  const environment = readEnvironment(process.env, process.cwd());
  const program = buildProgram(environment, (c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (cause) {
    if (cause instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (cause.exitCode === 0 || cause.code === 'commander.helpDisplayed' || cause.code === 'commander.version') return EXIT.ok;
      if (cause.code === 'commander.help') return EXIT.ok;
      processTerminal(environment).err(`Fehler: ${usageMessage(cause)}`);
      return EXIT.usage;
    }
    // Outside any command (the commands' failures are the runner's): worded the same way.
    return reportFailure(processTerminal(environment), '.', cause);
  }
  return code;
}

// A reader that stops early (`kim report --out - | head`, `kim list | head -1`) closes the pipe: that ends
// the output, as it ends any command-line tool, and is no error of kim (Node would throw EPIPE with a stack).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (cause: NodeJS.ErrnoException) => {
    if (cause.code !== 'EPIPE') throw cause;
    process.exit(process.exitCode ?? EXIT.ok);
  });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    process.stderr.write(`${internalMessage(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause))}\n`);
    process.exitCode = EXIT.internal;
  },
);
