/**
 * Characters the PDF's font cannot draw: `kim validate` refuses them where `kim report --format pdf`
 * does, at the same place, and its table (built from the fonts) judges every character as the PDF
 * renderer does.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/emit/pdf/renderer.js';
import { undrawableCharacters } from '../../src/drawable-characters.js';
import { copyData, positionOf, removeScratch, replaceIn, runCli, STACK_TRACE } from './helpers.js';

afterAll(removeScratch);

const LATEST = 'reports/2022-03-16-kim-sachstand.yaml';

describe('a character the PDF cannot draw', () => {
  test('kim validate and kim report --format pdf refuse the same data at the same places', () => {
    const data = copyData();
    replaceIn(data, LATEST, 'Seit der letzten Ausschuss-Sitzung', 'Seit 中 der letzten Ausschuss-Sitzung');
    replaceIn(data, 'organisation.yaml', 'name: Alfter', 'name: Alfter 😀');
    const text = positionOf(data, LATEST, 'preface: >-', 'preface: '.length);
    const name = positionOf(data, 'organisation.yaml', 'name: Alfter', 'name: '.length);
    const expected = [
      `${LATEST}:${text.line}:${text.col}  Fehler: Das Zeichen "中" (U+4E2D) kann im PDF nicht dargestellt werden`,
      `organisation.yaml:${name.line}:${name.col}  Fehler: Das Zeichen "😀" (U+1F600) kann im PDF nicht dargestellt werden`,
    ];
    const validate = runCli(['validate', '--data', data]);
    const report = runCli(['report', '2022-03-16-kim-sachstand', '--data', data, '--format', 'pdf', '--out', `${data}/../out`]);
    for (const run of [validate, report]) {
      expect(run.status).toBe(1);
      for (const line of expected) expect(run.stderr).toContain(line);
      expect(run.stderr).toContain('kim build erstellt standardmäßig auch das PDF');
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(validate.stdout).not.toContain('Daten gültig');
  });

  test('the built table judges every character as the PDF renderer with its fonts does', async () => {
    const renderer = await createRenderer();
    let text = '';
    for (let cp = 0x20; cp < 0x3000; cp++) if (cp < 0xd800 || cp > 0xdfff) text += String.fromCodePoint(cp);
    text += '中文漢字😀🙂\u{1F1E9}\u{1F1EA}\uFB01\uFFFD';
    const byFonts = renderer.undrawable(text);
    expect(byFonts.length).toBeGreaterThan(100);
    expect(undrawableCharacters(text)).toEqual(byFonts);
  });
});
