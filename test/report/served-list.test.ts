/**
 * "Betreut werden folgende Kommunen:" in a first report: a list of the municipalities, one line each with
 * the posts serving it and since when, not one line per person (which named a town as often as it has
 * case managers). The lists of hires ("für folgende Kommunen neun weitere … eingestellt:") introduce
 * people and stay one line per person.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import type { Dataset } from '../../src/model/types.js';
import { LINDENAU, LINDENAU_DIR, renderWith, TALHEIM_DIR, TALHEIM_FIRST } from '../support/example.js';

const RABENAU_DIR = join(packageRoot, 'test', 'fixtures', 'landkreis-rabenau');
const rabenau = (mutate?: (d: Dataset) => void) => renderWith(mutate, '2022-06-21-kim-sachstand', RABENAU_DIR);
const lindenau = (mutate?: (d: Dataset) => void) => renderWith(mutate, LINDENAU, LINDENAU_DIR);

/** The list after "Betreut …:", up to the next blank line. */
const servedList = (text: string): string => /Betreut [^\n]*:\n\n((?:\d+\)[^\n]*\n?)+)/.exec(text)![0].trimEnd();

describe('the municipalities served, one line each', () => {
  test('a town with two case managers once, with their posts summed; a shared post split by the data stays split', async () => {
    expect(servedList(await lindenau())).toBe(
      [
        'Betreut werden folgende Kommunen:',
        '',
        '1) Stadt Altdorf seit dem 01.03.22 (1,5 Stellen)',
        '2) Markt Lindenberg seit dem 01.05.22 (eine Stelle)',
        '3) Gemeinde Birkenfeld seit dem 01.06.22 (0,5 Stellen)',
        '4) Gemeinde Seewald seit dem 01.06.22 (0,5 Stellen)',
        '5) Gemeinde Weiler seit dem 01.06.22 (0,75 Stellen)',
      ].join('\n'),
    );
  });

  test('municipalities the data says are served jointly share a line, and a town is never named twice', async () => {
    expect(servedList(await rabenau())).toBe(
      [
        'Betreut werden folgende Kommunen:',
        '',
        '1) Stadt Rabenau und Gemeinde Weidenbach seit dem 01.03.22 (zwei Stellen)',
        '2) Markt Steinfels seit dem 01.05.22 (eine Stelle)',
        '3) Stadt Erlenhof seit dem 15.05.22 (0,5 Stellen)',
      ].join('\n'),
    );
  });

  test('one town served by several people: "Betreut wird folgende Kommune" and one line since the first of them', async () => {
    const text = await rabenau((d) => {
      for (const a of d.assignments) a.municipalities = ['steinfels'];
    });
    expect(servedList(text)).toBe('Betreut wird folgende Kommune:\n\n1) Markt Steinfels seit dem 01.03.22 (3,5 Stellen)');
  });

  test('the lines in the order the towns came to be served; without any share the list names none', async () => {
    const text = await renderWith(
      (d) => {
        d.assignments = d.assignments.filter((a) => a.staff !== 'cm-2');
        // staff.yaml in another order: the list keeps the order of the dates
        d.staff = d.staff.filter((s) => s.id !== 'cm-2').reverse();
      },
      TALHEIM_FIRST,
      TALHEIM_DIR,
    );
    expect(servedList(text)).toBe('Betreut werden folgende Kommunen:\n\n1) Stadt Talheim seit dem 01.08.21\n2) Markt Oberried seit dem 01.10.21');
  });

  test('a town served since a later assignment is served since then, not since the person started', async () => {
    const text = await lindenau((d) => {
      d.assignments.find((a) => a.staff === 'cm-lindenberg')!.from = '2022-07-15';
    });
    expect(servedList(text)).toContain('\n5) Markt Lindenberg seit dem 15.07.22 (eine Stelle)');
  });
});

test('an assignment renewed without a break counts from the first of them', async () => {
  const text = await lindenau((d) => {
    const a = d.assignments.find((x) => x.staff === 'cm-lindenberg')!;
    a.to = '2022-08-31';
    d.assignments.push({ ...a, from: '2022-09-01', to: undefined });
  });
  expect(servedList(text)).toContain('\n2) Markt Lindenberg seit dem 01.05.22 (eine Stelle)');
});
