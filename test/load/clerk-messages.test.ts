/**
 * The loader's answers to the YAML slips a clerk makes, and to input the parser used to accept in
 * silence: each says what to change, in German, at the line that needs the change. In memory
 * (parseYamlFile), plus the whole pipeline where the issue was what reached the clerk.
 */
import { describe, expect, test } from 'vitest';
import { parseYamlFile, type ParseResult } from '../../src/load/yaml-file.js';
import type { Diagnostic } from '../../src/diagnostics.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (text: string): ParseResult => parseYamlFile('x.yaml', bytes(text));

function errors(result: ParseResult): Diagnostic[] {
  if (result.ok) throw new Error(`expected diagnostics, got data: ${JSON.stringify(result.source.value)}`);
  return result.diagnostics;
}

interface Case {
  name: string;
  text: string;
  line: number;
  col: number;
  message: string;
  /** Parts of the message that must not appear (the old, misleading wording). */
  not?: string;
  /** The data is still read, so validation can report the file's other problems too. */
  readable?: boolean;
}

const REPORT_HEAD = 'id: 2022-03-16-kim-sachstand\ntemplate: sachstand\n';
const STAFF = 'staff:\n  - id: a\n    gender: w\n    fte: 1\n  - id: b\n    gender: m\n';

const CASES: Case[] = [
  {
    name: 'a second colon in a value: quote it, with the fixed line',
    text: `${REPORT_HEAD}title: Kommunales Integrationsmanagement: Aktueller Sachstand\nstand: 2022-03-01\n`,
    line: 3,
    col: 8,
    message: 'muss in Anführungszeichen stehen: title: "Kommunales Integrationsmanagement: Aktueller Sachstand"',
    not: 'mehrere Zeilen',
  },
  {
    name: 'a second colon in a list entry keeps the entry and a comment',
    text: 'attachments:\n  - title: Konzept: Entwurf # vorläufig\n',
    line: 2,
    col: 12,
    message: 'title: "Konzept: Entwurf" # vorläufig',
  },
  {
    name: 'a second colon in a value with double quotes is fixed with single quotes',
    text: 'title: Das "KIM": Stand\n',
    line: 1,
    col: 8,
    message: `title: 'Das "KIM": Stand'`,
  },
  {
    name: 'a 3-space indent inside a list entry (entries at 4)',
    text: STAFF.replace('    gender: w', '   gender: w'),
    line: 3,
    col: 4,
    message: 'diese Zeile ist mit 3 Leerzeichen eingerückt, erwartet wird eine Einrückung mit 2 oder 4 Leerzeichen',
    not: 'Hier fehlt ein Zeichen',
  },
  {
    name: 'a 3-space indent of a list entry (entries at 2)',
    text: STAFF.replace('  - id: b', '   - id: b'),
    line: 5,
    col: 4,
    message: 'mit 3 Leerzeichen eingerückt, erwartet wird eine Einrückung mit 2 oder 4 Leerzeichen',
  },
  {
    name: 'a line indented deeper than a complete entry above it',
    text: 'a:\n  b: 1\n   c: 2\nd: 1\n',
    line: 3,
    col: 4,
    message: 'mit 3 Leerzeichen eingerückt, erwartet wird eine Einrückung mit 2 Leerzeichen',
  },
  {
    name: 'a 5-space indent inside a list entry (entries at 4)',
    text: STAFF.replace('    fte: 1', '     fte: 1'),
    line: 4,
    col: 6,
    message: 'mit 5 Leerzeichen eingerückt, erwartet wird eine Einrückung mit 4 Leerzeichen',
  },
  {
    name: '%YAML 1.1 is refused at its line, and dates stay dates (no "Zuordnung")',
    text: '%YAML 1.1\n---\na: 2022-03-01\n',
    line: 1,
    col: 1,
    message: 'Die Zeile „%YAML 1.1“ verlangt die alte YAML-Fassung',
    readable: true,
  },
  {
    name: 'an unknown tag !!js/function is an error, not text',
    text: 'a: 1\nfte: !!js/function "return 1"\n',
    line: 2,
    col: 6,
    message: 'Unbekanntes YAML-Tag „!!js/function“',
    readable: true,
  },
  {
    name: 'an unknown tag !include is an error, not text',
    text: 'staff: !include andere.yaml\n',
    line: 1,
    col: 8,
    message: 'Unbekanntes YAML-Tag „!include“',
    readable: true,
  },
  {
    name: 'a right-to-left override in a value (Trojan Source)',
    text: 'a: 1\ntitle: Sachstand \u202Eesolnu\u202C Ende\n',
    line: 2,
    col: 18,
    message: 'Unsichtbares Zeichen U+202E (Erzwungene Schreibrichtung rechts-nach-links)',
    readable: true,
  },
  {
    name: 'a bidi isolate in a comment (what a reviewer of the pull request reads)',
    text: 'a: 1 # \u2066 Kommentar\u2069\n',
    line: 1,
    col: 8,
    message: 'U+2066',
    readable: true,
  },
  {
    name: 'a zero-width space inside a name',
    text: 'name: Okon\u200Bkwo\n',
    line: 1,
    col: 11,
    message: 'U+200B (Leerzeichen ohne Breite)',
    readable: true,
  },
  {
    name: 'a zero-width joiner written as an escape sequence',
    text: 'a: 1\nname: "Okon\\u200Dkwo"\n',
    line: 2,
    col: 7,
    message: 'U+200D (Verbinder ohne Breite) (als Escape-Sequenz geschrieben)',
    readable: true,
  },
  {
    name: 'a tab after the spaces of an indentation names the tab, not "the indentation is wrong"',
    text: STAFF.replace('    gender: w', '  \tgender: w'),
    line: 3,
    col: 3,
    message: 'mit einem Tabulatorzeichen eingerückt',
    not: 'Einrückung',
  },
  {
    name: 'a tab after a list dash names the tab, and the next line is no follow-on error',
    text: STAFF.replace('  - id: a', '  -\tid: a'),
    line: 2,
    col: 4,
    message: 'mit einem Tabulatorzeichen eingerückt',
    not: 'Einrückung',
  },
  {
    name: 'a tab as the whole indentation',
    text: STAFF.replace('  - id: b', '\t- id: b'),
    line: 5,
    col: 1,
    message: 'mit einem Tabulatorzeichen eingerückt',
    not: 'Einrückung',
  },
  {
    name: 'a missing "}" is reported at the opening brace, not as the next line\'s indentation',
    text: 'paperTypes:\n  - { name: Mitteilungsvorlage\n  - { name: Beschlussvorlage, requiresResolution: true }\n',
    line: 2,
    col: 5,
    message: 'Diese Zuordnung in { } wird nicht geschlossen: es fehlt das schließende "}".',
    not: 'Einrückung',
  },
  {
    name: 'a missing "]" at the end of the file is reported at the opening bracket',
    text: 'a:\n  b: [x, "y, z]"\nc: 1\n',
    line: 2,
    col: 6,
    message: 'Diese Liste in [ ] wird nicht geschlossen: es fehlt das schließende "]".',
    not: 'Einrückung',
  },
  {
    name: 'a raw NUL byte in the file',
    text: 'a: x\u0000y\n',
    line: 1,
    col: 5,
    message: 'U+0000 (Nullzeichen (NUL))',
    readable: true,
  },
];

describe.each(CASES)('$name', (c) => {
  test('German, located at the line to change', () => {
    const result = parse(c.text);
    const ds = errors(result);
    const found = ds.filter((d) => d.message.includes(c.message));
    expect(found, ds.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n')).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: c.line, col: c.col });
    if (c.not) for (const d of ds) expect(d.message).not.toContain(c.not);
    expect(!result.ok && result.source !== undefined).toBe(c.readable ?? false);
  });
});

describe('read as the clerk meant it', () => {
  test('%YAML 1.1: the rest of the file is read as YAML 1.2 (dates are text, yes is text)', () => {
    const result = parse('%YAML 1.1\n---\na: 2022-03-01\nb: yes\n');
    expect(!result.ok && result.source?.value).toEqual({ a: '2022-03-01', b: 'yes' });
  });
  test('%YAML 1.2 is fine', () => {
    expect(parse('%YAML 1.2\n---\na: 2022-03-01\n').ok).toBe(true);
  });
  test('CR-only line ends (old Mac files) are line breaks, with the right lines', () => {
    const result = parse('# Kommentar\ra: 1\rb:\r  - x\r');
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    expect(result.source.value).toEqual({ a: 1, b: ['x'] });
    expect(result.source.valuePositions.get('/b/0')).toEqual({ line: 4, col: 5 });
  });
  test('a soft hyphen (from a word processor) is allowed', () => {
    expect(parse('a: Integrations\u00ADmanagement\n').ok).toBe(true);
  });
  test('Arabic and Hebrew text without direction controls is allowed', () => {
    expect(parse('a: \u062A\u0643\u0627\u0645\u0644 \u05E9\u05D9\u05DC\u05D5\u05D1\n').ok).toBe(true);
  });
  test('a multi-line plain text is not taken for a misindented line', () => {
    expect(parse('a:\n  outcome: wurden die\n    Themen abgestimmt\n  b: 1\n').ok).toBe(true);
  });
  test('a closing ] on its own line at the parent indentation stays allowed', () => {
    expect(parse('a: [\n  x, y\n]\n').ok).toBe(true);
  });
});
