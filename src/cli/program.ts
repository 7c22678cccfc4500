import { Argument, Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_OPARL_BASE_URL, didYouMean, OUTPUT_FORMAT_NAMES, outputFileName, KIM_VERSION, KimError, normalizeBaseUrl, parseShard, suggest, UsageError, type ExitCode } from '../api.js';
import type { CliEnvironment } from './environment.js';
import { folderProblem } from './folders.js';
import { parseJobs } from './jobs.js';
import { buildOutputsText, FORMAT_CHOICES, outputFilesText } from './output-formats.js';
import { runCommand } from './runner.js';
import { safeText, type Terminal } from './terminal.js';

const dataOption = () => new Option('--data <ordner>', 'Datenordner mit den YAML-Dateien').default('data');
const templatesOption = () => new Option('--templates <ordner>', 'eigene Vorlagenmuster, die eingebaute gleichen Namens ersetzen').default('templates');
/** md, pdf, docx or all: report, build and watch offer the same choice, with their own default. */
const outputFormatOption = (fallback: 'md' | 'all') => new Option('--format <format>', 'Ausgabeformat').choices(FORMAT_CHOICES).default(fallback);
const quietOption = () => new Option('-q, --quiet', 'nur Fehler ausgeben');
const outOption = () => new Option('--out <ordner>', 'Ausgabeordner').default('out');

/** Commander's own help words in German; inherited by every subcommand. */
const HEADINGS: Record<string, string> = {
  'Usage:': 'Aufruf:',
  'Options:': 'Optionen:',
  'Commands:': 'Befehle:',
  'Arguments:': 'Argumente:',
  'Global Options:': 'Globale Optionen:',
};
const germanExtras = (text: string): string =>
  text.replace(/\(choices: ([^)]*?)(, default: ([^)]*))?\)$/, (_m, choices: string, _d, def?: string) => `(Werte: ${choices}${def ? `; Vorgabe: ${def}` : ''})`).replace(/\(default: ([^)]*)\)$/, '(Vorgabe: $1)');
export const GERMAN_HELP: Partial<Help> = {
  styleTitle: (title: string) => HEADINGS[title] ?? title,
  commandUsage: (cmd: Command) => Help.prototype.commandUsage.call(new Help(), cmd).replace('[options]', '[Optionen]').replace('[command]', '[Befehl]'),
  subcommandTerm: (cmd: Command) => Help.prototype.subcommandTerm.call(new Help(), cmd).replace('[options]', '[Optionen]'),
  argumentDescription: (argument: Argument) => germanExtras(Help.prototype.argumentDescription.call(new Help(), argument)),
  optionDescription: (option: Option) => germanExtras(Help.prototype.optionDescription.call(new Help(), option)),
};

/**
 * Builds the command tree. Each action imports its command module only when it runs, so `kim validate`
 * never loads the renderer and `kim report --format md` never loads pdfkit.
 */
export function buildProgram(environment: CliEnvironment, setExit: (code: ExitCode) => void): Command {
  const env = environment.library;
  /** Every command runs through the one runner (runner.ts): exit code, error printing, paths, escaping. */
  const run = async (name: string, opts: { quiet?: boolean; data?: string }, command: (term: Terminal) => Promise<ExitCode>): Promise<void> =>
    setExit(await runCommand(environment, { name, quiet: Boolean(opts.quiet), dataDir: opts.data ?? '.' }, command));
  // A malformed SOURCE_DATE_EPOCH stops a run that makes PDFs before anything is written (exit 2), once,
  // rather than failing every report of a build one by one; a command that makes no PDF ignores it.
  const checkPdfEnvironment = (opts: { format?: string }) => {
    if (opts.format !== 'md' && environment.sourceDateProblem !== undefined) throw new UsageError(environment.sourceDateProblem);
  };
  const program = new Command('kim')
    .description('Ausschussvorlagen des Kommunalen Integrationsmanagements aus YAML-Daten erzeugen (Markdown und PDF).')
    .version(KIM_VERSION, '-V, --version', 'Version anzeigen')
    .helpOption('-h, --help', 'Hilfe anzeigen')
    .helpCommand('help [befehl]', 'Hilfe zu einem Befehl anzeigen')
    // kim makes its own German suggestion (usageMessage); commander's English one is not shown.
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureHelp(GERMAN_HELP)
    .configureOutput({ outputError: () => undefined })
    .addHelpText('after', '\nBeispiel:\n  $ kim init kim-daten && cd kim-daten\n  $ kim validate && kim build\n\nHilfe zu einem Befehl: kim <befehl> --help');

  program
    .command('init')
    .description('Ein neues Datenrepository anlegen: Beispieldaten, Ordner für eigene Muster, .gitignore, CI für GitHub und GitLab.')
    .argument('[ordner]', 'Zielordner (wird angelegt, wenn es ihn nicht gibt)', '.')
    .addOption(new Option('--force', 'vorhandene Dateien überschreiben'))
    .addOption(new Option('--kim-source <quelle>', 'woher das Datenrepository kim installiert: Git-URL mit Version oder Tarball (Vorgabe: woher dieses kim installiert wurde)'))
    .addOption(quietOption())
    .addHelpText(
      'after',
      '\nBeispiele:\n  $ kim init kim-daten\n  $ cd kim-daten && npm install && npm run validate && npm run build\n  $ kim init kim-daten --kim-source git+https://git.example.org/kim.git#v0.1.0\n\nVorhandene Dateien bleiben unangetastet (Exit-Code 2), außer mit --force. Ein Paketname aus der npm-Registry wird nie eingetragen.',
    )
    .action((dir: string, opts) =>
      run('init', opts, async (term) => {
        const { runInit } = await import('./commands/init.js');
        return runInit(dir, opts, term, environment.cwd);
      }),
    );

  program
    .command('validate')
    .description('Daten prüfen: YAML, Schemas und Regeln über alle Dateien; alle Fehler in einem Lauf.')
    .addOption(dataOption())
    .addOption(templatesOption())
    .addOption(new Option('--format <format>', 'Ausgabeformat der Meldungen (codeclimate: Code-Quality-Bericht für GitLab)').choices(['text', 'json', 'codeclimate']).default('text'))
    .addOption(quietOption())
    .addHelpText('after', '\nBeispiel:\n  $ kim validate --data data\n  data/staff.yaml:12:5  Fehler: Unbekanntes Feld "strat". Meinten Sie "start"? …')
    .action((opts) =>
      run('validate', opts, async (term) => {
        const { runValidate } = await import('./commands/validate.js');
        return runValidate(opts, term, env);
      }),
    );

  program
    .command('report')
    .description(`Eine Vorlage erzeugen: prüft die Daten und schreibt ${outputFilesText('out/<kennung>', 'und/oder')}.`)
    .argument('[vorlage]', 'Kennung der Vorlage oder Sitzungsdatum (2022-03-16 oder 16.03.2022); ohne Angabe die neueste')
    .addOption(dataOption())
    .addOption(templatesOption())
    .addOption(new Option('--out <ordner>', 'Ausgabeordner; - schreibt die Vorlage auf die Standardausgabe').default('out'))
    .addOption(outputFormatOption('md'))
    .addOption(quietOption())
    .addHelpText(
      'after',
      '\nBeispiele:\n  $ kim report                      # neueste Vorlage als Markdown\n  $ kim report 16.03.2022 --format pdf\n  $ kim report 16.03.2022 --format docx  # Word-Dokument, in der Word-Vorlage des Kreises, wenn organisation.yaml eine nennt\n  $ kim report 2022-03-16-kim-sachstand --format all --out ausgabe\n  $ kim report --out - | less       # Markdown auf die Standardausgabe',
    )
    .action((report: string | undefined, opts) =>
      run('report', opts, async (term) => {
        checkPdfEnvironment(opts);
        const { runReport } = await import('./commands/report.js');
        return runReport(report, opts, term, env);
      }),
    );

  program
    .command('next')
    .description('Die nächste Vorlage anlegen: neue Datei in reports/ aus der letzten, für die nächste Sitzung des Gremiums; die Textbausteine werden zum Überarbeiten übernommen.')
    .argument('[vorlage]', 'Kennung oder Sitzungsdatum der Vorlage, aus der begonnen wird; ohne Angabe die neueste')
    .addOption(dataOption())
    .addOption(templatesOption())
    .addOption(new Option('--session <kennung>', 'Sitzung aus meetings.yaml (Vorgabe: die nächste Sitzung desselben Gremiums)'))
    .addOption(new Option('--stand <datum>', 'Datenstand, z. B. 04.11.2024 oder 2024-11-04 (Vorgabe: heute, höchstens der Sitzungstag)'))
    .addOption(new Option('--title <titel>', 'neuer Titel (die Kennung folgt ihm)'))
    .addOption(new Option('--id <kennung>', 'Kennung der neuen Vorlage (Vorgabe: Sitzungsdatum und der Rest der vorigen Kennung)'))
    .addOption(quietOption())
    .addHelpText(
      'after',
      '\nBeispiel:\n  $ kim next\n  data/reports/2024-11-20-kim-sachstand.yaml\n  ✓ Neue Vorlage 2024-11-20-kim-sachstand für die Sitzung asi-2024-11-20 am 20.11.2024 …\n  $ kim next --session asi-2025-02-12 --stand 2025-01-31\n\nDie Sitzung muss in meetings.yaml stehen. Jeder unverändert übernommene Textbaustein erscheint als Warnung, bis er überarbeitet ist.',
    )
    .action((from: string | undefined, opts) =>
      run('next', opts, async (term) => {
        const { runNext } = await import('./commands/next.js');
        return runNext(from, opts, term, env);
      }),
    );

  program
    .command('migrate')
    .description('Einen Datenordner eines älteren Datenformats ins aktuelle umschreiben, an Ort und Stelle; Kommentare, Reihenfolge und Formatierung bleiben.')
    .addOption(dataOption())
    .addOption(templatesOption())
    .addOption(new Option('--check', 'nur sagen, was sich ändern würde, nichts schreiben (Exit-Code 1, wenn etwas umzuschreiben ist)'))
    .addOption(quietOption())
    .addHelpText('after', '\nBeispiele:\n  $ kim migrate --check     # zeigt, was sich ändern würde\n  $ kim migrate             # schreibt data/ ins aktuelle Format um\n\nEin zweiter Lauf ändert nichts mehr ("nichts zu tun"). Vorher committen: git diff zeigt danach jede Änderung.')
    .action((opts) =>
      run('migrate', opts, async (term) => {
        const { runMigrate } = await import('./commands/migrate.js');
        return runMigrate(opts, term, env);
      }),
    );

  program
    .command('build')
    .description(`Alle Vorlagen erzeugen (${buildOutputsText()}); unveränderte werden übersprungen, eine fehlerhafte hält die übrigen nicht auf.`)
    .addOption(dataOption())
    .addOption(templatesOption())
    .addOption(outOption())
    .addOption(outputFormatOption('all'))
    .addOption(new Option('--shard <K/N>', 'nur Teil K von N erzeugen (für CI-Matrizen; Kennungen sortiert, jede N-te)').argParser(usage(parseShard)))
    .addOption(new Option('--oparl-base-url <url>', 'Basis-URL der OParl-Kennungen').default(DEFAULT_OPARL_BASE_URL).argParser(usage(normalizeBaseUrl)))
    .addOption(new Option('--force', 'auch unveränderte Vorlagen neu erzeugen'))
    .addOption(new Option('--jobs <n>', 'so viele Prozesse erzeugen gleichzeitig Vorlagen (Vorgabe: einer je 250 Vorlagen, höchstens einer je Prozessorkern und 8; 1 = nur dieser Prozess)').argParser(usage(parseJobs)))
    .addOption(new Option('--worker', 'Hilfsprozess von kim build (intern)').hideHelp())
    .addOption(quietOption())
    .addHelpText(
      'after',
      `\nBeispiele:\n  $ kim build                       # alle Vorlagen nach out/\n  $ kim build --format md --out ausgabe\n  $ kim build --jobs 1              # nur ein Prozess (ein Kern)\n  $ kim build --shard 1/2           # in der CI: erste Hälfte, zweiter Lauf --shard 2/2\n\nJe Vorlage entstehen ${outputFilesText('out/<kennung>', 'und', { oparl: true })}. Exit-Code 1, wenn eine Vorlage fehlschlägt.`,
    )
    .action((opts) =>
      run('build', opts, async (term) => {
        checkPdfEnvironment(opts);
        const { runBuild } = await import('./commands/build.js');
        return runBuild(opts, term, env);
      }),
    );

  program
    .command('watch')
    .description('Eine Vorlage bei jeder Änderung der Daten oder Muster neu erzeugen; Fehler werden angezeigt, die Beobachtung läuft weiter.')
    .argument('[vorlage]', 'Kennung der Vorlage oder Sitzungsdatum; ohne Angabe die neueste')
    .addOption(dataOption())
    .addOption(templatesOption())
    .addOption(outOption())
    .addOption(outputFormatOption('md'))
    .addOption(quietOption())
    .addHelpText('after', `\nBeispiel:\n  $ kim watch 16.03.2022 --format all\n  aktualisiert 10:15:02  ${OUTPUT_FORMAT_NAMES.map((f) => outputFileName('out/2022-03-16-kim-sachstand', f)).join(', ')} (420 ms)\n\nBeenden mit Strg+C.`)
    .action((report: string | undefined, opts) =>
      run('watch', opts, async (term) => {
        checkPdfEnvironment(opts);
        const { runWatch } = await import('./commands/watch.js');
        return runWatch(report, opts, term, env);
      }),
    );

  program
    .command('list')
    .description('Vorlagen und Sitzungen auflisten: Datum, Stand, Muster und ob die Daten gültig sind.')
    .addOption(dataOption())
    .addOption(templatesOption())
    .addOption(new Option('--format <format>', 'Ausgabeformat').choices(['text', 'json']).default('text'))
    .addOption(quietOption())
    .addHelpText('after', '\nBeispiel:\n  $ kim list\n  Vorlagen\n  Kennung                   Sitzung     Stand       Muster     Status\n  2022-03-16-kim-sachstand  16.03.2022  01.03.2022  sachstand  gültig\n\nExit-Code 1, wenn Daten ungültig sind (Einzelheiten: kim validate).')
    .action((opts) =>
      run('list', opts, async (term) => {
        const { runList } = await import('./commands/list.js');
        return runList(opts, term, env);
      }),
    );

  program.hook('preAction', (_program, command) => {
    const problem = folderProblem(command.opts(), command.getOptionValueSource('templates') === 'cli', command.name());
    if (problem) throw new CommanderError(2, 'kim.folder', problem);
  });

  // Commander's errors do not say which command they come from; usageMessage needs it for "Meinten Sie …?".
  for (const command of [program, ...program.commands]) {
    command.exitOverride((error) => {
      (error as CommandError).command ??= command;
      throw error;
    });
  }
  return program;
}

/**
 * An option's value checked while the command line is parsed, so a wrong one is a usage error (exit 2)
 * before any work starts; the parser's German message is what the user reads.
 */
function usage<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (cause) {
      throw new InvalidArgumentError(cause instanceof KimError ? cause.message : String(cause));
    }
  };
}

/** A commander error with the command whose arguments it is about. */
type CommandError = CommanderError & { command?: Command };

/** Commander's own errors (unknown option, missing argument …) in German, exit 2; values from the command line made safe to print. */
export function usageMessage(error: CommanderError): string {
  return safeText(germanUsage(error));
}

function germanUsage(error: CommandError): string {
  const m = /'([^']*)'/.exec(error.message);
  const item = m?.[1] ?? '';
  const command = error.command;
  switch (error.code) {
    case 'commander.unknownOption': {
      const hint = item.startsWith('--') && command ? suggestOption(command, item) : undefined;
      const help = command?.parent ? `kim ${command.name()} --help` : 'kim --help';
      return `Unbekannte Option ${item}.${hint ? ` Meinten Sie ${hint}?` : ''} Hilfe: ${help}`;
    }
    case 'commander.unknownCommand': {
      const names = command ? command.createHelp().visibleCommands(command).map((c) => c.name()) : [];
      return `Unbekannter Befehl ${item}.${didYouMean(item, names, 'plain')} Befehle: kim --help`;
    }
    case 'commander.missingArgument':
      return `Es fehlt das Argument ${item}.`;
    case 'commander.optionMissingArgument':
      return `Die Option ${item} braucht einen Wert.`;
    case 'commander.invalidArgument': {
      // A value refused by one of kim's parsers (usage()): its German message says it all.
      const own = / is invalid\. (.+)$/s.exec(error.message)?.[1];
      if (own && !own.startsWith('Allowed choices')) return own;
      const allowed = /Allowed choices are (.*)\./.exec(error.message)?.[1];
      return `Ungültiger Wert für ${error.message.includes('option') ? 'die Option' : 'das Argument'}${item ? ` ${item}` : ''}.${allowed ? ` Erlaubt: ${allowed}.` : ''}`;
    }
    case 'commander.excessArguments':
      return 'Zu viele Argumente. Hilfe: kim --help';
    default:
      return error.message.replace(/^error: /, 'Fehler: ');
  }
}

/** The visible long option of the command (or a parent) closest to a mistyped one (`--formt` → `--format`). */
function suggestOption(command: Command, typed: string): string | undefined {
  const flags: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) {
    flags.push(...c.createHelp().visibleOptions(c).flatMap((o) => (o.long ? [o.long] : [])));
  }
  const word = typed.replace(/^--/, '').replace(/=.*$/, '');
  const hint = suggest(word, flags.map((f) => f.replace(/^--/, '')));
  return hint === undefined ? undefined : `--${hint}`;
}
