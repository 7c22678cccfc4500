#!/usr/bin/env node
// Generates a large, valid kim data folder for benchmarks (scripts/bench.mjs), modelled on data/:
// organisation.yaml and the programme are the example's; staff, assignments, sessions and reports are
// multiplied. Deterministic (no randomness): the same arguments give the same files.
//
//   node scripts/generate-large.mjs --out DIR [--reports 1000] [--staff 2000] [--assignments 6000]
//
// - staff: the example's staff rows as patterns (role, module, employer, fte, focus), ids s-00001 …,
//   invented names that cannot occur in a Vorlage (the privacy check would refuse it), start dates
//   on the first of a month between 2021-01 and 2024-12;
// - assignments: round-robin over the staff, each person for distinct municipalities, from their start;
// - reports: one per session, sessions every 1–2 days from 2022-01-03, Stand 14 days before, each a copy
//   of the example's 2022-03-16 report (texts, attachment) with its own id (the first without the text
//   that names the previous session); ids are unique;
// - programme: the example's, with funding rates up to 2040 and 1000 planned FTE per module (the schema's
//   maximum); staff FTE shares are scaled down so that all of them fit.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'data');

export function generateLarge({ out, reports = 1000, staff = 2000, assignments = 6000 }) {
  const read = (name) => parse(readFileSync(join(example, name), 'utf8'));
  const organisation = read('organisation.yaml');
  const programme = read('programme.yaml');
  const meetings = read('meetings.yaml');
  const patterns = read('staff.yaml').staff;
  const reportPattern = read('reports/2022-03-16-kim-sachstand.yaml');
  const municipalities = organisation.municipalities.map((m) => m.id);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'reports'), { recursive: true });
  const write = (name, value) => writeFileSync(join(out, name), stringify(value, { lineWidth: 0 }));

  write('organisation.yaml', organisation);

  programme.fundingRates = Array.from({ length: 20 }, (_, i) => ({ year: 2021 + i, amount: 55000 }));
  for (const module of programme.modules) {
    if (module.plannedFte.length > 0) module.plannedFte = [{ from: '2021-01-01', fte: 1000 }];
  }
  write('programme.yaml', programme);

  const syllables = ['bra', 'dol', 'fen', 'gri', 'kal', 'mur', 'nok', 'pes', 'qui', 'rul', 'sto', 'tav', 'vex', 'wob', 'zin'];
  const word = (n) => {
    let s = '';
    for (let k = 0; k < 3; k++, n = Math.floor(n / syllables.length)) s += syllables[n % syllables.length];
    return s[0].toUpperCase() + s.slice(1);
  };
  const people = [];
  for (let i = 0; i < staff; i++) {
    const p = patterns[i % patterns.length];
    const month = i % 48;
    const start = `${2021 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    const person = { id: `s-${String(i + 1).padStart(5, '0')}`, name: `${word(i * 7 + 3)} ${word(i)}x`, gender: p.gender, role: p.role, module: p.module, fte: Math.max(0.01, Math.round(p.fte * Math.min(1, 800 / staff) * 100) / 100), employer: p.employer };
    if (p.workplace) person.workplace = p.employer === 'kreisverwaltung' ? municipalities[i % municipalities.length] : p.workplace;
    if (p.focus) person.focus = p.focus;
    person.start = start;
    people.push(person);
  }
  write('staff.yaml', { staff: people });

  const rows = [];
  for (let j = 0; j < assignments; j++) {
    const person = people[j % staff];
    const round = Math.floor(j / staff);
    rows.push({ staff: person.id, municipalities: [municipalities[(j + round) % municipalities.length]], from: person.start });
  }
  // One flow mapping per line, as in the example (and a quarter of the block form's size).
  const line = (a) => `  - { staff: ${a.staff}, municipalities: [${a.municipalities.join(', ')}], from: ${a.from} }`;
  writeFileSync(join(out, 'assignments.yaml'), `assignments:\n${rows.map(line).join('\n')}\n`);

  const day = (offset) => new Date(Date.UTC(2022, 0, 3) + offset * 86_400_000).toISOString().slice(0, 10);
  const sessions = [];
  for (let r = 0; r < reports; r++) {
    const date = day(Math.floor(r * 1.5));
    const stand = new Date(Date.parse(date) - 14 * 86_400_000).toISOString().slice(0, 10);
    const id = `${date}-kim-sachstand-${String(r + 1).padStart(4, '0')}`;
    const session = `asi-${date}-${String(r + 1).padStart(4, '0')}`;
    sessions.push({ id: session, committee: 'asi', date, public: true });
    const report = { ...reportPattern, id, stand, consultations: [{ session, role: 'Kenntnisnahme' }] };
    delete report.previousReport;
    // The first report has no previous one, so its text cannot name the previous session ({letzteSitzung}).
    if (r === 0) report.text = Object.fromEntries(Object.entries(report.text ?? {}).filter(([, t]) => typeof t !== 'string' || !t.includes('{letzteSitzung}')));
    writeFileSync(join(out, 'reports', `${id}.yaml`), stringify(report, { lineWidth: 0 }));
  }
  meetings.sessions = sessions;
  write('meetings.yaml', meetings);
  return { out, reports, staff, assignments };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, reports: { type: 'string' }, staff: { type: 'string' }, assignments: { type: 'string' } } });
  if (!values.out) {
    console.error('Aufruf: node scripts/generate-large.mjs --out ORDNER [--reports N] [--staff N] [--assignments N]');
    process.exit(2);
  }
  const made = generateLarge({
    out: values.out,
    reports: Number(values.reports ?? 1000),
    staff: Number(values.staff ?? 2000),
    assignments: Number(values.assignments ?? 6000),
  });
  console.log(`${made.out}: ${made.reports} Vorlagen, ${made.staff} Personen, ${made.assignments} Zuständigkeiten`);
}
