/**
 * Plans, posts and the report's period (src/model/fte.ts, report-period.ts): the data may list plan periods
 * and changes of a post in any order, a plan period may change only its parts, and the previous report's
 * Stand day belongs to the previous report. Each test reads the sentence or figure a reader would see.
 */
import { expect, test } from 'vitest';
import type { Dataset } from '../../src/model/types.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, renderWith, TALHEIM_DIR, TALHEIM_NEXT } from '../support/example.js';

const followUpWith = (change: (d: Dataset) => void): Promise<string> => renderWith(change, FOLLOW_UP, FOLLOW_UP_DIR);
const plan = (d: Dataset, id: string) => d.programme.modules.find((m) => m.id === id)!.plannedFte;

test('plan periods listed latest first: the plan in force and its change are the same', async () => {
  const text = await followUpWith((d) => plan(d, 'modul-2').reverse());
  expect(text).toContain('Mit Beschluss des Kreistages vom 31.03.2022 (Drucksache KT/0123/2022) wurde der Stellenumfang für das Modul 2 zum 01.04.2022 von 12 auf 16 VZÄ erhöht.');
  expect(text).toContain('| Modul 2 – Case-Management | 16 | 14,5 | 1,5 | 880.000 € |');
});

test('a plan period that changes only the parts is no change of the Stellenumfang', async () => {
  const text = await followUpWith((d) => plan(d, 'modul-1').push({ from: '2022-05-01', fte: 5, parts: [{ fte: 4, label: 'Koordinierung' }, { fte: 1, label: 'Verwaltungsassistenz' }] }));
  expect(text).toContain('Zum 01.04.2022 wurde der Stellenumfang für das Modul 1 von 3,5 auf 5 VZÄ erhöht.');
  expect(text).not.toContain('von 5 auf 5');
  expect(text.match(/Stellenumfang für das Modul 1/g)).toHaveLength(1);
});

test('changes of a post listed latest first: the post at the Stand is the latest', async () => {
  const text = await followUpWith((d) => (d.staff.find((s) => s.id === 'cm-lohmar')!.fteChanges = [{ from: '2022-05-01', fte: 0.5 }, { from: '2022-04-01', fte: 0.75 }]));
  expect(text).toContain('Der Case Manager für die Stadt Lohmar arbeitet seit dem 01.05.2022 mit 0,5 VZÄ (bisher 1 VZÄ).');
});

test("a group's meeting on the previous Stand day was the previous report's: not told again", async () => {
  const text = await renderWith((d) => d.meetings.groupMeetings!.push({ id: 'kg-stand', group: 'koordinierungsgruppe', date: '2021-11-01', kind: 'ordentlich', outcome: 'wurde der Auftakt geplant' }), TALHEIM_NEXT, TALHEIM_DIR);
  expect(text).not.toContain('wurde der Auftakt geplant');
});
