/** parseYamlFile: positions, encodings and the safety limits, on in-memory bytes (no disk, no schemas). */
import { describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES, parseYamlFile, type ParseResult, type SourceFile } from '../../src/load/yaml-file.js';
import type { Diagnostic } from '../../src/diagnostics.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function ok(result: ParseResult): SourceFile {
  if (!result.ok) throw new Error(`expected a parse, got: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.source;
}
function fails(result: ParseResult): Diagnostic[] {
  if (result.ok) throw new Error(`expected diagnostics, got data: ${JSON.stringify(result.source.value)}`);
  expect(result.diagnostics.length).toBeGreaterThan(0);
  for (const d of result.diagnostics) {
    expect(d.severity).toBe('error');
    expect(d.file).toBe('x.yaml');
  }
  return result.diagnostics;
}

describe('positions', () => {
  const source = ok(parseYamlFile('x.yaml', bytes('staff:\n  - id: a\n    fte: 0.5\n  - { id: b, fte: 1 }\n')));

  test('the value is plain data', () => {
    expect(source.value).toEqual({ staff: [{ id: 'a', fte: 0.5 }, { id: 'b', fte: 1 }] });
  });
  test('value positions are 1-based line:col of the value', () => {
    expect(source.valuePositions.get('/staff/0/fte')).toEqual({ line: 3, col: 10 });
    expect(source.valuePositions.get('/staff/1/id')).toEqual({ line: 4, col: 11 });
    expect(source.valuePositions.get('/staff/0')).toEqual({ line: 2, col: 5 });
  });
  test('key positions point at the key itself', () => {
    expect(source.keyPositions.get('/staff/0/fte')).toEqual({ line: 3, col: 5 });
    expect(source.keyPositions.get('/staff/1/fte')).toEqual({ line: 4, col: 14 });
    expect(source.keyPositions.get('/staff')).toEqual({ line: 1, col: 1 });
  });
  test('keys with / and ~ are escaped as JSON pointer segments', () => {
    const s = ok(parseYamlFile('x.yaml', bytes('"a/b": 1\n"c~d": 2\n')));
    expect(s.keyPositions.get('/a~1b')).toEqual({ line: 1, col: 1 });
    expect(s.keyPositions.get('/c~0d')).toEqual({ line: 2, col: 1 });
  });
});

describe('encodings and whitespace', () => {
  test('a byte-order mark is ignored and does not shift columns', () => {
    const s = ok(parseYamlFile('x.yaml', bytes('\uFEFFa: 1\nb: 2\n')));
    expect(s.value).toEqual({ a: 1, b: 2 });
    expect(s.keyPositions.get('/a')).toEqual({ line: 1, col: 1 });
    expect(s.valuePositions.get('/b')).toEqual({ line: 2, col: 4 });
  });
  test('CRLF line ends parse like LF, with the same lines', () => {
    const s = ok(parseYamlFile('x.yaml', bytes('a: 1\r\nb:\r\n  - x\r\n')));
    expect(s.value).toEqual({ a: 1, b: ['x'] });
    expect(s.valuePositions.get('/b/0')).toEqual({ line: 3, col: 5 });
  });
  test('a tab used for indentation is refused at its line, in German', () => {
    const [d] = fails(parseYamlFile('x.yaml', bytes('a:\n  b: 1\n\tc: 2\n')));
    expect(d).toMatchObject({ line: 3, col: 1 });
    expect(d!.message).toContain('Tabulatorzeichen');
  });
  test('a tab inside a value is fine', () => {
    expect(ok(parseYamlFile('x.yaml', bytes('a: "x\ty"\n'))).value).toEqual({ a: 'x\ty' });
  });
  test('an empty file is refused', () => {
    const [d] = fails(parseYamlFile('x.yaml', bytes('')));
    expect(d).toMatchObject({ line: 1, col: 1 });
    expect(d!.message).toContain('Die Datei ist leer');
  });
  test('whitespace only, and comments only, count as empty', () => {
    expect(fails(parseYamlFile('x.yaml', bytes('  \n\n')))[0]!.message).toContain('leer');
    expect(fails(parseYamlFile('x.yaml', bytes('# nur ein Kommentar\n---\n  # noch einer\r\n')))[0]!.message).toContain('leer');
  });
  test('a document that is only null has no data', () => {
    expect(fails(parseYamlFile('x.yaml', bytes('~\n')))[0]!.message).toContain('enthält keine Daten');
  });
  test('non-UTF-8 bytes are located at the first bad byte (line and column)', () => {
    const latin1 = new Uint8Array([...bytes('a: 1\nname: M'), 0xfc, ...bytes('ller\n')]);
    const [d] = fails(parseYamlFile('x.yaml', latin1));
    expect(d).toMatchObject({ line: 2, col: 8 });
    expect(d!.message).toContain('nicht UTF-8-kodiert');
    expect(d!.message).toContain('0xfc');
  });
  test('a truncated multi-byte sequence at the very end is located too', () => {
    const [d] = fails(parseYamlFile('x.yaml', new Uint8Array([...bytes('a: b\nc: '), 0xc3])));
    expect(d).toMatchObject({ line: 2, col: 4 });
  });
});

describe('YAML errors', () => {
  test('duplicate keys are refused at the second key', () => {
    const [d] = fails(parseYamlFile('x.yaml', bytes('a: 1\nb: 2\na: 3\n')));
    expect(d).toMatchObject({ line: 3, col: 1 });
    expect(d!.message).toContain('doppelt');
  });
  test('an unclosed quote says what is missing', () => {
    expect(fails(parseYamlFile('x.yaml', bytes('a: "abc\nb: 1\n')))[0]!.message).toContain('schließende Anführungszeichen');
  });
  test.each([
    ['double', 'a:\n  x: 1\n  name: "Kreis\n  b: 1\nc:\n  - x\n'],
    ['single', "a:\n  x: 1\n  name: 'Kreis\n  b: 1\n"],
  ])('an unclosed %s quote is located at the opening quote, not at the end of the file', (_, text) => {
    const [d] = fails(parseYamlFile('x.yaml', bytes(text)));
    expect(d).toMatchObject({ line: 3, col: 9 });
    expect(d!.message).toContain('Anführungszeichen wird nicht geschlossen');
  });
  test('an unclosed [ says so', () => {
    expect(fails(parseYamlFile('x.yaml', bytes('a: [1, 2\nb: 1\n')))[0]).toMatchObject({ line: 1, col: 4, message: 'Diese Liste in [ ] wird nicht geschlossen: es fehlt das schließende "]".' });
  });
  test('a missing comma in { } says so, at the entry', () => {
    const [d] = fails(parseYamlFile('x.yaml', bytes('a:\n  - { id: x committee: asi }\n')));
    expect(d).toMatchObject({ line: 2, col: 11 });
    expect(d!.message).toContain('fehlt hier wohl ein Komma');
  });
  test('several documents in one file are refused', () => {
    const [d] = fails(parseYamlFile('x.yaml', bytes('a: 1\n---\nb: 2\n')));
    expect(d!.message).toContain('mehrere YAML-Dokumente');
  });
  test('one slip does not bury the cause under hundreds of follow-on errors', () => {
    const text = `a: [1, 2\n${'b: 1\n'.repeat(500)}`;
    const ds = fails(parseYamlFile('x.yaml', bytes(text)));
    expect(ds.length).toBeLessThanOrEqual(10);
    expect(new Set(ds.map((d) => d.line)).size).toBe(ds.length);
  });
  test.each([
    'a: [1, 2\n',
    'a: b: c\n',
    '- x\ny: 1\n',
    'a: "\\q"\n',
    '{a: 1\n',
    '&a &b c: 1\n',
    '!a !b c: 1\n',
    '*a: 1\n',
    'a: *\n',
    'a:\n  - b\n  c: 1\n',
    '@a: 1\n',
    '%FOO bar\n---\na: 1\n',
    'a: |x\n  b\n',
    'a: b\n- c\n',
    `${'x'.repeat(1100)}: 1\n`,
  ])('no message is left in English alone (case %#)', (text) => {
    for (const d of fails(parseYamlFile('x.yaml', bytes(text)))) {
      expect(d.message, `untranslated, for ${JSON.stringify(text.slice(0, 40))}`).not.toMatch(/^YAML-Syntaxfehler:/);
      expect(d.message).toMatch(/[äöüß]|Die |Der |Ein |Eine |Hier |Unerwartet|Ungültig/);
    }
  });
  test('an anchor may be defined again (YAML 1.2): an alias takes the latest before it', () => {
    expect(ok(parseYamlFile('x.yaml', bytes('a: &x 1\nb: *x\nc: &x 2\nd: *x\n'))).value).toEqual({ a: 1, b: 1, c: 2, d: 2 });
  });
});

describe('safety limits', () => {
  test('an alias bomb (billion laughs) is refused quickly', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) {
      text += `${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]\n`;
    }
    // No wall-clock bound (speed is the benchmark's job): a bomb that were expanded would hit the test timeout.
    const [d] = fails(parseYamlFile('x.yaml', bytes(text)));
    expect(d!.message).toContain('Zu viele Alias-Verweise');
    expect(d!.line).toBeGreaterThan(0);
  });
  test('an alias to a missing anchor is located at the alias', () => {
    const ds = fails(parseYamlFile('x.yaml', bytes('a: 1\nb: *nope\n')));
    expect(ds[0]).toMatchObject({ line: 2, col: 4 });
    expect(ds[0]!.message).toContain('*nope');
  });
  test('only nodes reached through aliases count against the alias limit', () => {
    // 2 000 plain items + 49 aliases expanding to 98 000 nodes: more than 100 000 nodes in all, yet no bomb.
    const items = Array(2000).fill('1').join(', ');
    const s = ok(parseYamlFile('x.yaml', bytes(`a: &a [${items}]\nb: [${Array(49).fill('*a').join(', ')}]\n`)));
    expect((s.value as { b: number[][] }).b).toHaveLength(49);
  });
  test('a used alias is expanded into plain data', () => {
    expect(ok(parseYamlFile('x.yaml', bytes('a: &x [1, 2]\nb: *x\n'))).value).toEqual({ a: [1, 2], b: [1, 2] });
  });
  test('a self-referencing alias is refused, not followed forever', () => {
    const [d] = fails(parseYamlFile('x.yaml', bytes('a: &a [*a]\n')));
    expect(d).toMatchObject({ line: 1, col: 8 });
    expect(d!.message).toContain('Der Alias *a ');
  });
  test.each([
    ['flow sequences', `a: ${'['.repeat(100)}${']'.repeat(100)}\n`],
    ['flow mappings', `a: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`],
    ['block mappings', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')],
    ['compact sequences', `${'- '.repeat(100)}x\n`],
  ])('deep nesting (%s, 100 levels) is refused with a located message', (_, text) => {
    const [d] = fails(parseYamlFile('x.yaml', bytes(text)));
    expect(d!.message).toContain('zu tief verschachtelt');
    expect(d!.line).toBeGreaterThan(0);
  });
  test.each([
    ['flow sequences', (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['unclosed flow sequences', (n: number) => `a: ${'['.repeat(n)}\n`],
    ['complex keys', (n: number) => `${'? '.repeat(n)}x\n`],
    ['compact sequences', (n: number) => `${'- '.repeat(n)}x\n`],
    ['pairs in flow sequences', (n: number) => `a: ${'[k: '.repeat(n)}\n`],
  ])('absurd nesting (%s, up to 1 000 000 levels) is refused fast and never overflows the stack', (_, make) => {
    for (const n of [1_000, 20_000, 1_000_000]) {
      const ds = fails(parseYamlFile('x.yaml', bytes(make(n))));
      expect(ds).toHaveLength(1);
      expect(ds[0]!.message).toContain('zu tief verschachtelt');
    }
  });
  test('nested complex keys are refused, not stringified exponentially', () => {
    const ds = fails(parseYamlFile('x.yaml', bytes(`${'? '.repeat(50)}x\n`)));
    expect(ds[0]!.message).toMatch(/Schlüssel muss ein einfacher Text sein|zu tief verschachtelt/);
    expect(fails(parseYamlFile('x.yaml', bytes('? [a, b]\n: 1\n')))[0]).toMatchObject({ line: 1, col: 3 });
    expect(fails(parseYamlFile('x.yaml', bytes('{a: 1}: 2\n')))[0]!.message).toContain('einfacher Text');
  });
  test('brackets and quotes in text, comments and block scalars do not count as nesting', () => {
    const prose = ['[', '{', '- ', '? '].map((c) => c.repeat(200));
    for (const text of [
      `a: >-\n  ${prose[0]} "unclosed\n  more text\nb: [1, [2, [3]]]\nc: Peter's ${prose[1]}\n`,
      `text: "${prose[0]}"\n`,
      `text: '${prose[1]}'\n`,
      `# ${prose[0]}\na: 1\n`,
      `a: |\n${'  [\n'.repeat(500)}`,
      `a: |\n  ${prose[2]}\n  ${prose[3]}\n`,
    ]) {
      expect(ok(parseYamlFile('x.yaml', bytes(text))).value, text).toBeTypeOf('object');
    }
  });
  const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
  test.each([
    ['block mappings', (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:\n`).join('')],
    ['compact sequences', (n: number) => `${'- '.repeat(n)}x\n`],
    ['flow sequences', (n: number) => `a: ${'['.repeat(n - 1)}1${']'.repeat(n - 1)}\n`],
    ['flow mappings', (n: number) => `a: ${'{a: '.repeat(n - 1)}1${'}'.repeat(n - 1)}\n`],
    ['pairs in flow sequences', (n: number) => `${n % 2 ? 'a: ' : ''}${'[k: '.repeat(n >> 1)}1${']'.repeat(n >> 1)}\n`],
    ['mixed', (n: number) => `a:\n  - b: ${'[{c: '.repeat((n - 3) >> 1)}${(n - 3) % 2 ? '[1]' : '1'}${'}]'.repeat((n - 3) >> 1)}\n`],
  ])('%s: 64 levels are read, 65 are refused at the level too deep', (_, make) => {
    expect(depthOf(ok(parseYamlFile('x.yaml', bytes(make(64)))).value)).toBe(64);
    const [d] = fails(parseYamlFile('x.yaml', bytes(make(65))));
    expect(d!.message).toBe('Die Daten sind zu tief verschachtelt (mehr als 64 Ebenen).');
    expect(d!.line).toBeGreaterThan(0);
  });
  test('the level too deep is located where it opens', () => {
    expect(fails(parseYamlFile('x.yaml', bytes(`a:\n  b: ${'['.repeat(63)}${']'.repeat(63)}\n`)))[0]).toMatchObject({ line: 2, col: 6 + 62 });
    expect(fails(parseYamlFile('x.yaml', bytes(Array.from({ length: 65 }, (_, i) => `${' '.repeat(i)}k:\n`).join(''))))[0]).toMatchObject({ line: 65, col: 65 });
  });
  test('aliases cannot make data deeper than the text may be, and say so at the alias', () => {
    const anchors = Array.from({ length: 3 }, (_, i) => `a${i + 1}: &a${i + 1} ${'['.repeat(30)}${i ? `*a${i}` : '1'}${']'.repeat(30)}\n`).join('');
    const [d] = fails(parseYamlFile('x.yaml', bytes(anchors)));
    expect(d).toMatchObject({ line: 3, col: 39 }); // at *a2 in a3: a1 and a2 alone are not too deep
    expect(d!.message).toContain('Der Alias *a2 setzt hier Daten ein, die dadurch tiefer als 64 Ebenen verschachtelt wären');
    expect(ok(parseYamlFile('x.yaml', bytes(anchors.split('\n').slice(0, 2).join('\n')))).value).toHaveProperty('a2');
  });
  test(`a file over ${MAX_FILE_BYTES / 1024 / 1024} MB is refused before parsing, fast`, () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    const [d] = fails(parseYamlFile('x.yaml', big));
    expect(d!.message).toContain('höchstens 5 MB');
    expect(d!.line).toBe(0); // refused as a whole, before any line was read
  });
});

describe('prototype keys stay data', () => {
  test('__proto__ and constructor become own properties and never touch a prototype', () => {
    const s = ok(parseYamlFile('x.yaml', bytes('__proto__: { polluted: 1 }\nconstructor: { prototype: { polluted: 2 } }\n')));
    const value = s.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(s.keyPositions.get('/__proto__')).toEqual({ line: 1, col: 1 });
  });
});

describe('scalars', () => {
  test('dates stay strings (no Date objects, no time zone), even impossible ones', () => {
    expect(ok(parseYamlFile('x.yaml', bytes('a: 2022-02-30\nb: 2022-03-16\n'))).value).toEqual({ a: '2022-02-30', b: '2022-03-16' });
  });
  test('yes/no/on/off are text in YAML 1.2, not booleans', () => {
    expect(ok(parseYamlFile('x.yaml', bytes('a: yes\nb: off\nc: true\n'))).value).toEqual({ a: 'yes', b: 'off', c: true });
  });
  test('merge keys (<<) are not special: the schema will see an unknown key "<<"', () => {
    expect(ok(parseYamlFile('x.yaml', bytes('x: &x {a: 1}\ny: {<<: *x}\n'))).value).toEqual({ x: { a: 1 }, y: { '<<': { a: 1 } } });
  });
});
