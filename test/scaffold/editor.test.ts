/**
 * What a clerk's editor shows in a repository fresh from `kim init`, before `npm install`: the real
 * yaml-language-server (VS Code's YAML extension) checks each data file against the schema its first
 * line names. The repository's own schemas/ makes that work without node_modules; their German
 * messages and the calendar-day pattern make the editor say what kim validate says.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, runKim, scaffoldedRepo } from './helpers.js';
import { YamlLanguageServer } from './yaml-language-server.js';

const REPORT = 'data/reports/2024-06-12-kim-sachstand.yaml';
let repo = '';
let editor: YamlLanguageServer;

beforeAll(async () => {
  repo = scaffoldedRepo('kim-editor-');
  editor = await YamlLanguageServer.start();
}, 60_000);
afterAll(() => {
  editor?.stop();
  cleanUp();
});

const read = (file: string) => readFileSync(join(repo, file), 'utf8');
const check = (file: string, text = read(file)) => editor.check(join(repo, file), text);

describe('the editor in a new data repository, before npm install', () => {
  it('finds every schema: the example data has no problem, a wrong value has one', async () => {
    expect(existsSync(join(repo, 'node_modules'))).toBe(false);
    for (const file of [...readdirSync(join(repo, 'data')).filter((f) => f.endsWith('.yaml')).map((f) => `data/${f}`), REPORT]) {
      expect(await check(file), file).toEqual([]);
    }
    // Without its schema the editor would have nothing to say about this.
    expect(await check(REPORT, read(REPORT).replace('public: true', 'public: jein'))).toEqual([{ line: 8, col: 9, message: 'Erwartet wird true oder false.' }]);
  });

  it('refuses a day that does not exist (2024-02-30, 2023-02-29), in German, as kim validate does', async () => {
    for (const day of ['2024-02-30', '2023-02-29', '2024-13-01']) {
      const problems = await check(REPORT, read(REPORT).replace('stand: 2024-05-31', `stand: ${day}`));
      expect(problems, day).toEqual([{ line: 11, col: 8, message: 'Kein Kalendertag: erwartet wird ein Datum im Format JJJJ-MM-TT, das es gibt, z. B. 2022-03-16 (der 29. Februar nur in Schaltjahren).' }]);
    }
    expect(await check(REPORT, read(REPORT).replace('stand: 2024-05-31', 'stand: 2024-02-29'))).toEqual([]);
    // kim validate keeps its own message, which names the field and the value.
    const good = read(REPORT);
    writeFileSync(join(repo, REPORT), good.replace('stand: 2024-05-31', 'stand: 2024-02-30'));
    const validate = runKim(['validate'], { cwd: repo });
    writeFileSync(join(repo, REPORT), good);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(`${REPORT}:11:8  Fehler: Feld "stand" (Datum): "2024-02-30" ist kein gültiges Datum; erwartet wird ein Kalendertag im Format JJJJ-MM-TT, z. B. 2022-03-16. [stand]`);
  });

  it('says in German which values are allowed and what an id looks like', async () => {
    const staff = read('data/staff.yaml').replace('gender: w', 'gender: x').replace('role: kim-leitung', 'role: KIM_Leitung');
    const problems = await check('data/staff.yaml', staff);
    expect(problems.map((p) => p.message)).toEqual([
      'Nicht zulässig. Erlaubt sind: "w", "m" oder "d".',
      'Keine gültige Kennung: erwartet werden Kleinbuchstaben (a–z), Ziffern und Bindestriche, beginnend mit einem Buchstaben oder einer Ziffer, z. B. "modul-2".',
    ]);
  });
});
