/**
 * Data given for a thing that does not exist is an error at the data: a meeting of a group that
 * programme.yaml does not have, or of a steering group it does not name, would otherwise be left out
 * of every Vorlage with exit 0.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkData } from '../../src/api.js';
import { copyData, describeDiagnostics, positionOf, removeScratch, replaceIn, runCli, STACK_TRACE } from './helpers.js';

afterAll(removeScratch);

const GROUP_MEETING = 'groupMeetings:\n  - { id: kg-1, group: koordinierungsgruppe, date: 2022-01-20, kind: konstituierend }\n';
const STEERING = 'steeringGroup:\n  name: Lenkungsgruppe\n  genitive: der Lenkungsgruppe\n';

const CASES: { name: string; edit: (dir: string) => void; file: string; at: string; message: string }[] = [
  {
    name: 'a group meeting while programme.yaml has no groups',
    edit: (dir) => replaceIn(dir, 'meetings.yaml', 'kickOffs:\n', `${GROUP_MEETING}kickOffs:\n`),
    file: 'meetings.yaml',
    at: 'koordinierungsgruppe',
    message: 'Unbekannte Kennung für Gremium des Programms: "koordinierungsgruppe". In programme.yaml (groups) ist keine angegeben, so käme dieser Eintrag in keine Vorlage',
  },
  {
    name: 'a group meeting of a group programme.yaml does not have',
    edit: (dir) => {
      replaceIn(dir, 'programme.yaml', STEERING, `${STEERING}\ngroups:\n  - { id: arbeitskreis, name: Arbeitskreis, genitive: des Arbeitskreises, genus: masculine, module: modul-2 }\n`);
      replaceIn(dir, 'meetings.yaml', 'kickOffs:\n', `${GROUP_MEETING}kickOffs:\n`);
    },
    file: 'meetings.yaml',
    at: 'koordinierungsgruppe',
    message: 'Unbekannte Kennung für Gremium des Programms: "koordinierungsgruppe". Erwartet wird eine Kennung aus programme.yaml (groups): arbeitskreis.',
  },
  {
    name: 'steering-group meetings while programme.yaml names no steering group',
    edit: (dir) => replaceIn(dir, 'programme.yaml', STEERING, ''),
    file: 'meetings.yaml',
    at: '- id: lg-2021-11-25',
    message: 'meetings.yaml nennt Sitzungen der Lenkungsgruppe (steeringGroupMeetings), aber programme.yaml nennt keine Lenkungsgruppe (steeringGroup)',
  },
];

describe.each(CASES)('$name', ({ edit, file, at, message }) => {
  test('kim validate: a located error at the data', async () => {
    const dir = copyData();
    edit(dir);
    const all = (await checkData({ dataDir: dir })).validation.diagnostics;
    const found = all.filter((d) => d.severity === 'error' && d.message.includes(message));
    expect(found, describeDiagnostics(all)).toHaveLength(1);
    expect(found[0]).toMatchObject({ file, ...positionOf(dir, file, at) });
  });
});

test('kim report: exit 1 for group meetings without groups, nothing written', () => {
  const dir = copyData();
  CASES[0]!.edit(dir);
  const out = join(dir, '..', 'out');
  const r = runCli(['report', '--data', dir, '--out', out]);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/meetings\.yaml:\d+:\d+ {2}Fehler: Unbekannte Kennung für Gremium des Programms: "koordinierungsgruppe"/);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(existsSync(out)).toBe(false);
});
