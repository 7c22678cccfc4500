import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, ESC, exampleRepo, runKim, startKim } from './helpers.js';

afterAll(cleanUp);

const B = '2022-03-16-kim-sachstand';

describe('kim watch', () => {
  it('re-renders after a change, survives broken data and ends with exit 0 on Ctrl-C', async () => {
    const repo = exampleRepo();
    const report = join(repo, 'data', 'reports', `${B}.yaml`);
    const original = readFileSync(report, 'utf8');
    const kim = startKim(['watch', B], repo);
    try {
      const renders = () => (kim.stdout.match(/^aktualisiert /gm) ?? []).length;
      await kim.until(() => renders() === 1);
      expect(kim.stdout).toContain(`out/${B}.md`);

      writeFileSync(report, original.replace('title: Kommunales Integrationsmanagement - Aktueller Sachstand', 'title: KIM - Neuer Titel'));
      await kim.until(() => renders() === 2);
      expect(readFileSync(join(repo, 'out', `${B}.md`), 'utf8')).toContain('KIM - Neuer Titel');

      writeFileSync(report, original.replace('paperType: Mitteilungsvorlage', 'paperType: Mitteilung'));
      await kim.until(({ stderr }) => stderr.includes('wartet auf die nächste Änderung'));
      expect(readFileSync(join(repo, 'out', `${B}.md`), 'utf8')).toContain('KIM - Neuer Titel'); // nothing half-written

      writeFileSync(report, original);
      await kim.until(() => renders() === 3);
      expect(readFileSync(join(repo, 'out', `${B}.md`), 'utf8')).not.toContain('KIM - Neuer Titel');
    } finally {
      kim.child.kill('SIGINT');
    }
    expect(await kim.exited).toBe(0);
    expect(kim.stdout + kim.stderr).not.toContain(ESC);
  }, 15_000);

  it('sees atomic saves (write a temporary file, rename it over the report) every time, as vim, sed -i and git do', async () => {
    const repo = exampleRepo();
    const report = join(repo, 'data', 'reports', `${B}.yaml`);
    const original = readFileSync(report, 'utf8');
    const saveByRename = (title: string): void => {
      const temp = join(repo, 'data', 'reports', `.${B}.yaml.neu`);
      writeFileSync(temp, original.replace('title: Kommunales Integrationsmanagement - Aktueller Sachstand', `title: ${title}`));
      renameSync(temp, report);
    };
    const kim = startKim(['watch', B], repo);
    try {
      const renders = () => (kim.stdout.match(/^aktualisiert /gm) ?? []).length;
      await kim.until(() => renders() === 1);
      saveByRename('Erste Fassung');
      await kim.until(() => renders() === 2);
      expect(readFileSync(join(repo, 'out', `${B}.md`), 'utf8')).toContain('Erste Fassung');
      // The file now is another inode than the one watched at the start: a watcher on the file itself goes blind here.
      saveByRename('Zweite Fassung');
      await kim.until(() => renders() === 3);
      expect(readFileSync(join(repo, 'out', `${B}.md`), 'utf8')).toContain('Zweite Fassung');
    } finally {
      kim.child.kill('SIGINT');
    }
    expect(await kim.exited).toBe(0);
  }, 25_000);

  it('sees a file saved in a folder made after it started (anlagen/)', async () => {
    const repo = exampleRepo();
    const kim = startKim(['watch', B], repo);
    try {
      const renders = () => (kim.stdout.match(/^aktualisiert /gm) ?? []).length;
      await kim.until(() => renders() === 1);
      mkdirSync(join(repo, 'data', 'anlagen'));
      await kim.until(() => renders() === 2);
      writeFileSync(join(repo, 'data', 'anlagen', 'geschaeftsordnung.pdf'), '%PDF-1.4\n');
      await kim.until(() => renders() === 3);
    } finally {
      kim.child.kill('SIGINT');
    }
    expect(await kim.exited).toBe(0);
  }, 25_000);
});

describe('kim list', () => {
  it('shows reports and sessions as a table, and as JSON', () => {
    const repo = exampleRepo();
    const text = runKim(['list'], { cwd: repo });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`${B} +16\\.03\\.2022 +01\\.03\\.2022 +sachstand +gültig`));
    expect(text.stdout).toMatch(/asi-2022-03-16 +16\.03\.2022 +asi +ja +2022-03-16-kim-sachstand/);
    expect(text.stdout).not.toContain(ESC);

    const json = runKim(['list', '--format', 'json'], { cwd: repo });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.valid).toBe(true);
    expect(parsed.reports.map((r: { id: string }) => r.id)).toEqual(['2021-11-16-kim-sachstand', B]);
  });

  it('marks an invalid report with its error count and exits 1', () => {
    const repo = exampleRepo();
    const report = join(repo, 'data', 'reports', `${B}.yaml`);
    writeFileSync(report, readFileSync(report, 'utf8').replace('template: sachstand', 'template: sachstnd'));
    const r = runKim(['list'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${B} .*ungültig \\(1 Fehler\\)`));
    expect(r.stdout).toMatch(/^2021-11-16-kim-sachstand .* gültig$/m);
  });

  it('marks a report whose previous report is invalid as kim build does: not valid', () => {
    const repo = exampleRepo();
    const earlier = join(repo, 'data', 'reports', '2021-11-16-kim-sachstand.yaml');
    writeFileSync(earlier, readFileSync(earlier, 'utf8').replace('template: sachstand', 'template: sachstnd'));
    const r = runKim(['list'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^2021-11-16-kim-sachstand .* ungültig \(1 Fehler\)$/m);
    expect(r.stdout).toMatch(new RegExp(`^${B} .* ungültig \\(1 Fehler\\)$`, 'm'));
  });
});

describe('help and conventions', () => {
  for (const command of ['init', 'validate', 'report', 'next', 'build', 'watch', 'list']) {
    it(`kim ${command} --help: German, with a worked example, exit 0`, () => {
      const r = runKim([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Beispiel');
      expect(r.stdout).toContain('Aufruf:');
      expect(r.stdout).toContain('Optionen:');
      expect(r.stdout).not.toMatch(/Usage:|Options:|\[options\]|default:|choices:/);
      expect(r.stdout).not.toContain(ESC);
    });
  }

  it('kim --help and --version', () => {
    const help = runKim(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Befehle:');
    expect(help.stdout).toContain('Beispiel');
    const version = runKim(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown option is a usage error (exit 2) in German', () => {
    const r = runKim(['build', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unbekannte Option --bogus');
  });
});
