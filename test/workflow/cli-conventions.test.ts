/**
 * Command-line conventions: German did-you-mean, the Vorlage on stdout, colour as chalk decides it, a
 * progress line that fits a narrow terminal, and no control character from the data in any message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { colorLevel, safeText, terminalSafe } from '../../src/cli/terminal.js';
import { ProgressLine } from '../../src/cli/progress.js';
import { packageRoot } from '../../src/paths.js';
import { CLI } from '../support/cli.js';
import { cleanUp, ESC, exampleRepo, runKim } from './helpers.js';

afterAll(cleanUp);

const B = '2022-03-16-kim-sachstand';

describe('a mistyped command or option', () => {
  it.each([
    [['bild'], 'Unbekannter Befehl bild. Meinten Sie build? Befehle: kim --help'],
    [['valdiate'], 'Unbekannter Befehl valdiate. Meinten Sie validate?'],
    [['build', '--formt', 'md'], 'Unbekannte Option --formt. Meinten Sie --format? Hilfe: kim build --help'],
    [['report', '--otu', 'x'], 'Unbekannte Option --otu. Meinten Sie --out? Hilfe: kim report --help'],
    [['--vrsion'], 'Unbekannte Option --vrsion. Meinten Sie --version? Hilfe: kim --help'],
  ])('kim %j: exit 2 with a German suggestion', (args, message) => {
    const r = runKim(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/Did you mean/);
  });

  it('suggests nothing when nothing is close', () => {
    const r = runKim(['xyzzy']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Fehler: Unbekannter Befehl xyzzy. Befehle: kim --help');
    expect(runKim(['build', '--quux']).stderr.trim()).toBe('Fehler: Unbekannte Option --quux. Hilfe: kim build --help');
  });
});

describe('kim report --out -', () => {
  it('writes the Markdown to stdout and no file', () => {
    const repo = exampleRepo();
    const r = runKim(['report', B, '--out', '-'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(packageRoot, 'test', 'report', 'golden', `${B}.md`), 'utf8'));
    expect(existsSync(join(repo, 'out'))).toBe(false);
    expect(existsSync(join(repo, '-'))).toBe(false);
  });

  it('writes a PDF to a pipe; refuses two formats at once (exit 2)', () => {
    const repo = exampleRepo();
    const pdf = spawnSync(process.execPath, [CLI, 'report', B, '--format', 'pdf', '--out', '-'], { cwd: repo, env: { ...process.env, NO_COLOR: '1' } });
    expect(pdf.status, pdf.stderr.toString()).toBe(0);
    expect(pdf.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.stdout.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const all = runKim(['report', B, '--format', 'all', '--out', '-'], { cwd: repo });
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('--format md, pdf oder docx, nicht all');
    expect(readdirSync(repo)).toEqual(['data']);
  });
});

describe('folder options that would silently do the wrong thing (exit 2, nothing written)', () => {
  it('an output folder inside the data folder, also through a symbolic link', () => {
    const repo = exampleRepo();
    symlinkSync(join(repo, 'data'), join(repo, 'daten'));
    const before = readdirSync(join(repo, 'data', 'reports'));
    for (const args of [['report', '--out', 'data'], ['build', '--out', 'data/reports'], ['watch', '--out', 'daten/ausgabe']]) {
      const r = runKim(args, { cwd: repo });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`Fehler: Der Ausgabeordner ${args[2]} liegt im Datenordner data; die erzeugten Vorlagen gehören nicht zu den Daten.`);
    }
    expect(readdirSync(join(repo, 'data', 'reports'))).toEqual(before);
    expect(readdirSync(join(repo, 'data')).filter((f) => !f.endsWith('.yaml'))).toEqual(['reports']);
  });

  it('an empty folder option (an unset variable) and --out - where no single Vorlage goes to stdout', () => {
    const repo = exampleRepo();
    for (const option of ['--data', '--templates', '--out']) {
      const r = runKim(['build', option, ''], { cwd: repo });
      expect(r.code, option).toBe(2);
      expect(r.stderr).toContain(`Fehler: Die Option ${option} braucht einen Ordner; angegeben ist ein leerer Wert.`);
    }
    for (const command of ['build', 'watch']) {
      const r = runKim([command, '--out', '-'], { cwd: repo });
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain(`Fehler: --out - (die Standardausgabe) gibt es nur bei kim report; kim ${command} schreibt in einen Ordner`);
    }
    expect(readdirSync(repo)).toEqual(['data']);
  });

  it('a --templates folder that does not exist (the built-in templates would be used without a word)', () => {
    const repo = exampleRepo();
    const r = runKim(['report', '--templates', 'vorlagen-tippfehler'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Fehler: Der Ordner für eigene Vorlagenmuster vorlagen-tippfehler (--templates) existiert nicht oder ist kein Ordner.');
    expect(readdirSync(repo)).toEqual(['data']);
    // Without --templates a missing templates/ is normal: the built-in ones are the default.
    expect(runKim(['validate'], { cwd: repo }).code).toBe(0);
  });
});

describe('a reader that closes the pipe early', () => {
  it('ends kim without a stack trace (kim report --out - | head)', () => {
    const repo = exampleRepo();
    for (const format of ['pdf', 'md']) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; "$0" "$1" report ${B} --format ${format} --out - | head -c 5 > /dev/null`, process.execPath, CLI], { cwd: repo, env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stderr.toString(), format).toBe('');
      expect(r.status, format).toBe(0);
    }
  });
});

describe('colour', () => {
  it('follows FORCE_COLOR in a pipe (on with 1, off with 0), and is off in a pipe without it', () => {
    const repo = exampleRepo();
    const on = runKim(['validate'], { cwd: repo, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(on.code).toBe(0);
    expect(on.stdout).toContain(`${ESC}32m✓`);
    for (const env of [{ FORCE_COLOR: '0', NO_COLOR: '' }, { FORCE_COLOR: 'false', NO_COLOR: '' }]) {
      expect(runKim(['validate'], { cwd: repo, env }).stdout).not.toContain(ESC);
    }
    const { FORCE_COLOR: _f, NO_COLOR: _n, ...plain } = process.env;
    const piped = spawnSync(process.execPath, [CLI, 'validate'], { cwd: repo, env: plain, encoding: 'utf8' });
    expect(piped.stdout).toContain('✓');
    expect(piped.stdout).not.toContain(ESC);
  });

  it('decides like chalk: FORCE_COLOR wins, then NO_COLOR, a terminal and TERM', () => {
    expect(colorLevel({}, true)).toBe(1);
    expect(colorLevel({}, false)).toBe(0);
    expect(colorLevel({ TERM: 'dumb' }, true)).toBe(0);
    expect(colorLevel({ NO_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel({ NO_COLOR: '' }, true)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '0' }, true)).toBe(0);
    expect(colorLevel({ FORCE_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '3', TERM: 'dumb' }, false)).toBe(3);
    expect(colorLevel({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(1);
  });
});

/** `script` runs a command on a pseudo-terminal (util-linux); what the terminal showed comes back on stdout. */
const hasScript = spawnSync('script', ['--version']).status === 0;

function inTerminal(command: string, cwd: string, env: Record<string, string>): string {
  const { NO_COLOR: _n, FORCE_COLOR: _f, GITHUB_ACTIONS: _g, ...base } = process.env;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe.skipIf(!hasScript)('on a terminal', () => {
  it('colour is on, and off with TERM=dumb or NO_COLOR', () => {
    const repo = exampleRepo();
    const kim = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} validate`;
    expect(inTerminal(kim, repo, { TERM: 'xterm' })).toContain(`${ESC}32m✓`);
    for (const env of [{ TERM: 'dumb' }, { TERM: 'xterm', NO_COLOR: '1' }, { TERM: 'xterm', FORCE_COLOR: '0' }]) {
      const shown = inTerminal(kim, repo, env);
      expect(shown, JSON.stringify(env)).toContain('✓ Daten gültig');
      expect(shown, JSON.stringify(env)).not.toContain(ESC);
    }
  });

  it('the kim build progress line fits a terminal 30 columns wide', () => {
    const repo = exampleRepo();
    const shown = inTerminal(`stty cols 30 rows 20; ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} build --format md --jobs 1`, repo, { TERM: 'xterm' });
    const progress = shown.split(/[\r\n]/).filter((segment) => segment.startsWith('['));
    expect(progress).toHaveLength(2);
    for (const line of progress) expect([...line].length, line).toBeLessThanOrEqual(29);
    expect(progress[0]).toMatch(/^\[1\/2\] 2021-11-16-kim-sach.*…$/);
  });
});

describe('ProgressLine', () => {
  it('cuts a line to one column less than the width and clears exactly what it showed', () => {
    const writes: string[] = [];
    const line = new ProgressLine({ write: (t: string) => writes.push(t), columns: 12 });
    line.show('[1/2] 2021-11-16-kim-sachstand erzeugt');
    line.show('[2/2] kurz');
    line.clear();
    expect(writes).toEqual(['[1/2] 2021…', `\r${' '.repeat(11)}\r`, '[2/2] kurz', `\r${' '.repeat(10)}\r`]);
  });
});

describe('control characters from the data', () => {
  it('are escaped in messages, so they cannot retitle the terminal, ring the bell or fake a CI log line', () => {
    const repo = exampleRepo();
    const assignments = join(repo, 'data', 'assignments.yaml');
    const text = readFileSync(assignments, 'utf8');
    const id = /staff: (cm-[a-z-]+)/.exec(text)![1]!;
    // YAML's \e, \a and \n escapes put ESC, BEL and a line break into the value.
    writeFileSync(assignments, text.replace(`staff: ${id}`, 'staff: "cm-\\e]0;gehackt\\a\\n::error file=x::gefälscht"'));
    const r = runKim(['validate'], { cwd: repo, env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('cm-\\u001b]0;gehackt\\u0007\\n::error file=x::gefälscht');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('::error file=x'))).toEqual([]);
    // The genuine annotation is still there.
    expect(r.stderr).toMatch(/^::error file=data\/assignments\.yaml,line=\d+,col=\d+::/m);
  });

  it('safeText and terminalSafe: escapes for values, colour codes only when colour is on', () => {
    expect(safeText('a\u001b[2Jb\u0007c\nd\u202Ee\u009bf\tg')).toBe('a\\u001b[2Jb\\u0007c\\nd\\u202ee\\u009bf\\tg');
    expect(safeText('Zeile 1\nZeile 2', { multiline: true })).toBe('Zeile 1\nZeile 2');
    expect(terminalSafe('\u001b[31mrot\u001b[39m\u001b]0;x\u0007', true)).toBe('\u001b[31mrot\u001b[39m\\u001b]0;x\\u0007');
    expect(terminalSafe('\u001b[31mrot\u001b[39m\nzwei', false)).toBe('\\u001b[31mrot\\u001b[39m\nzwei');
  });
});
