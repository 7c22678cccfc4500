/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): the PDF's creation date when set, else the report's Stand;
 * the same bytes either way on every run. A value that is not a whole number of seconds is refused
 * (the convention says a malformed value should fail the build), rather than silently giving the Stand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, exampleRepo, runKim } from './helpers.js';

afterAll(cleanUp);

const B = '2022-03-16-kim-sachstand';
/** The creation date in the XMP metadata (which PDF/A requires to equal the Info dictionary's). */
const creationDate = (pdf: Buffer): string | undefined => /<xmp:CreateDate>([^<]*)</.exec(pdf.toString('latin1'))?.[1];

function render(env: Record<string, string>, command: 'report' | 'build' = 'report') {
  const dir = exampleRepo();
  const args = command === 'report' ? ['report', B, '--format', 'pdf'] : ['build', '--format', 'pdf', '--jobs', '1'];
  const r = runKim(args, { cwd: dir, env });
  const file = join(dir, 'out', `${B}.pdf`);
  return { ...r, dir, pdf: existsSync(file) ? readFileSync(file) : undefined };
}

describe('SOURCE_DATE_EPOCH', () => {
  it('unset or empty: the PDF is dated on the report\'s Stand, the same bytes each run', () => {
    const a = render({ SOURCE_DATE_EPOCH: '' });
    const b = render({ SOURCE_DATE_EPOCH: '' });
    expect(a.code, a.stderr).toBe(0);
    expect(creationDate(a.pdf!)).toBe('2022-03-01T00:00:00Z');
    expect(a.pdf!.equals(b.pdf!)).toBe(true);
  });

  it('set: the PDF is dated on it, the same bytes each run and from kim build', () => {
    const a = render({ SOURCE_DATE_EPOCH: '1700000000' });
    const b = render({ SOURCE_DATE_EPOCH: '1700000000' }, 'build');
    expect(a.code, a.stderr).toBe(0);
    expect(creationDate(a.pdf!)).toBe('2023-11-14T22:13:20Z');
    expect(a.pdf!.equals(b.pdf!)).toBe(true);
  });

  it.each(['abc', '-5', '1.5', '1700000000 ', '99999999999999'])('%j: exit 2, a German message, no stack trace, nothing written', (value) => {
    for (const command of ['report', 'build'] as const) {
      const r = render({ SOURCE_DATE_EPOCH: value }, command);
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`SOURCE_DATE_EPOCH ist "${value}"`);
      expect(r.stderr).toContain('Erwartet wird eine ganze Zahl von Sekunden seit dem 01.01.1970');
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(join(r.dir, 'out')) ? readdirSync(join(r.dir, 'out')).filter((f) => !f.startsWith('.')) : []).toEqual([]);
    }
  });
});
