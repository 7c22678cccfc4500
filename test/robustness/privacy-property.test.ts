/**
 * Property: give a staff member a random name, write a random spelling of it (casing, German ending,
 * soft hyphen or zero-width space inside, typographic apostrophe, umlaut or accent spelt out, Markdown
 * emphasis, non-breaking space) into a random free-text field of any data file, and run `kim build`
 * (in process, Markdown and OParl). Then no build that succeeds may carry that spelling in any output.
 * The oracle is deliberately simple (the spelling as typed, in the output's text) and independent of
 * the check's folding.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, expect, test } from 'vitest';
import { buildReports } from '../../src/api.js';
import { DEFAULT_OPARL_BASE_URL } from '../../src/emit/oparl.js';
import { parseYamlFile } from '../../src/load/yaml-file.js';
import { eachString } from '../../src/load/source-file.js';
import { EXAMPLE_DATA, removeScratch, tempDir } from '../validate/helpers.js';

afterAll(removeScratch);

const seedSetting = process.env['KIM_FUZZ_SEED'];
const SEED = seedSetting === 'random' ? Date.now() : seedSetting ? Number(seedSetting) : 20_220_316;

const FILES = ['organisation.yaml', 'programme.yaml', 'staff.yaml', 'assignments.yaml', 'meetings.yaml', ...readdirSync(join(EXAMPLE_DATA, 'reports')).filter((n) => n.endsWith('.yaml')).map((n) => `reports/${n}`)];
const VALUES = new Map(
  FILES.map((f) => {
    const parsed = parseYamlFile(f, readFileSync(join(EXAMPLE_DATA, f)));
    if (!parsed.ok) throw new Error(`example file ${f} does not parse`);
    return [f, parsed.source.value] as const;
  }),
);

/** Fields whose value is chosen from a list or refers to an id: a name there makes the data invalid, not a leak. */
const NOT_FREE_TEXT = /\/(id|gender|role|module|employer|workplace|municipality|municipalities\/\d+|staff|session|committee|department|leadEmployer|kind|neutralGenus|type|paperType|template|file|previousReport)$/;
const FIELDS: { file: string; pointer: string }[] = [];
for (const [file, value] of VALUES) {
  eachString(value, (pointer, text) => {
    const staffName = file === 'staff.yaml' && /^\/staff\/\d+\/name$/.test(pointer);
    if (!staffName && !NOT_FREE_TEXT.test(pointer) && !/^\d{4}-\d{2}-\d{2}$/.test(text)) FIELDS.push({ file, pointer });
  });
}

const syllable = fc.constantFrom('ka', 'lo', 'mir', 'zek', 'bra', 'vün', 'dø', 'łu', 'nè', 'ros', 'tia', 'gräf');
const word = fc.array(syllable, { minLength: 2, maxLength: 3 }).map((parts) => {
  const w = parts.join('');
  return w[0]!.toUpperCase() + w.slice(1);
});
const surname = fc.oneof(word, word.map((w) => `O'${w}`));

/** A spelling of a name as a clerk (or someone testing the check) might type it. */
const spelling = (first: string, last: string) =>
  fc
    .record({
      full: fc.boolean(),
      casing: fc.constantFrom('as is', 'upper', 'lower'),
      ending: fc.constantFrom('', 's', 'es', 'n', "'s"),
      inside: fc.constantFrom('', '\u00AD', '\u200B', '**'),
      position: fc.nat(),
      apostrophe: fc.constantFrom("'", '\u2019', '\u02BC'),
      transliterate: fc.boolean(),
      nbsp: fc.boolean(),
    })
    .map((s) => {
      let l = last.replace("'", s.apostrophe);
      if (s.transliterate) l = l.replace(/ä/g, 'ae').replace(/ü/g, 'ue').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/è/g, 'e');
      const at = 2 + (s.position % Math.max(1, l.length - 3));
      if (s.inside === '**') l = `**${l.slice(0, at)}**${l.slice(at)}`;
      else if (s.inside) l = `${l.slice(0, at)}${s.inside}${l.slice(at)}`;
      let text = `${s.full ? `${first}${s.nbsp ? '\u00A0' : ' '}` : ''}${l}${s.ending}`;
      if (s.casing === 'upper') text = text.toUpperCase();
      if (s.casing === 'lower') text = text.toLowerCase();
      return text;
    });

const scenario = fc
  .record({ first: word, last: surname, person: fc.nat({ max: 16 }), field: fc.nat({ max: FIELDS.length - 1 }), where: fc.constantFrom('start', 'end', 'middle') })
  .chain((s) => spelling(s.first, s.last).map((typed) => ({ ...s, typed })));

function setAt(root: unknown, pointer: string, update: (old: string) => string): void {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root as Record<string, unknown>;
  for (const seg of segments.slice(0, -1)) node = node[seg] as Record<string, unknown>;
  const last = segments.at(-1)!;
  node[last] = update(node[last] as string);
}

/** Every string of every output file, Markdown escapes undone (a reader sees `**Okon**kwo`, not `\*\*Okon\*\*kwo`). */
function outputTexts(outDir: string): string[] {
  return readdirSync(outDir)
    .filter((f) => f.endsWith('.md') || f.endsWith('.oparl.json'))
    .flatMap((f) => {
      const text = readFileSync(join(outDir, f), 'utf8');
      const strings: string[] = [];
      if (f.endsWith('.json')) eachString(JSON.parse(text), (_, s) => strings.push(s));
      else strings.push(text.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
      return [f, ...strings];
    });
}

test('a public build never succeeds with a staff name in any output, however it is spelt', async () => {
  const seen = { builds: 0, refusedForPrivacy: 0 };
  await fc.assert(
    fc.asyncProperty(scenario, async ({ first, last, person, field, where, typed }) => {
      const root = tempDir('kim-privacy-prop-');
      const data = join(root, 'data');
      mkdirSync(join(data, 'reports'), { recursive: true });
      const values = new Map([...VALUES].map(([f, v]) => [f, structuredClone(v)]));
      const staff = (values.get('staff.yaml') as { staff: { name?: string }[] }).staff;
      staff[person % staff.length]!.name = `${first} ${last}`;
      const { file, pointer } = FIELDS[field]!;
      setAt(values.get(file), pointer, (old) => {
        if (where === 'start') return `${typed} ${old}`;
        if (where === 'end') return `${old} ${typed}`;
        const blank = old.indexOf(' ', Math.floor(old.length / 2));
        return blank === -1 ? `${old} ${typed}` : `${old.slice(0, blank)} ${typed}${old.slice(blank)}`;
      });
      for (const [f, v] of values) writeFileSync(join(data, f), stringify(v));
      const outDir = join(root, 'out');
      const result = await buildReports({ dataDir: data, outDir, formats: ['md'], oparlBaseUrl: DEFAULT_OPARL_BASE_URL }).catch((e: unknown) => e);
      seen.builds++;
      const outcomes = result instanceof Error ? [] : (result as Awaited<ReturnType<typeof buildReports>>).outcomes;
      if (outcomes.some((o) => o.diagnostics.some((d) => d.message.includes('einer beschäftigten Person')))) seen.refusedForPrivacy++;
      const succeeded = !(result instanceof Error) && outcomes.every((o) => o.status === 'built');
      if (!succeeded) return;
      for (const text of outputTexts(outDir)) expect(text.includes(typed), `"${typed}" in ${file}${pointer} reached an output of a build that succeeded`).toBe(false);
    }),
    { numRuns: 40, seed: SEED },
  );
  // The property is only worth something if the name reached the outputs' way often enough to be refused.
  expect(seen.refusedForPrivacy, `of ${seen.builds} builds`).toBeGreaterThanOrEqual(12);
}, 120_000);
