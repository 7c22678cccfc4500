/** `kim validate` keeps the repository's editor schemas (schemas/, written by kim init) on the stand of the kim that runs. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { cleanUp, runKim, tempDir } from '../workflow/helpers.js';

let repo = '';
const schema = (name: string) => join(repo, 'schemas', `${name}.schema.json`);

beforeAll(() => {
  repo = join(tempDir('kim-schemas-'), 'daten');
  const init = runKim(['init', repo, '--quiet']);
  expect(init.code, init.stderr).toBe(0);
});
afterAll(cleanUp);

describe('editor schemas', () => {
  it('a stale or missing copy is rewritten and named, once; the check goes on', () => {
    const fresh = readFileSync(schema('staff'), 'utf8');
    writeFileSync(schema('staff'), fresh.replace('"Personal"', '"Personal (alt)"'));
    rmSync(schema('meetings'));
    const first = runKim(['validate'], { cwd: repo });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('Editor-Schemas waren veraltet und sind jetzt auf dem Stand von kim 0.1.0: schemas/meetings.schema.json, schemas/staff.schema.json. Bitte mit einchecken.\n'.replace('0.1.0', JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version));
    expect(first.stdout).toContain('Daten gültig');
    expect(readFileSync(schema('staff'), 'utf8')).toBe(fresh);
    expect(existsSync(schema('meetings'))).toBe(true);
    const second = runKim(['validate'], { cwd: repo });
    expect(second.stderr).toBe('');
  });

  it('a repository without schemas/ gets none', () => {
    const bare = join(tempDir('kim-schemas-'), 'alt');
    mkdirSync(bare);
    expect(runKim(['init', bare, '--quiet']).code).toBe(0);
    rmSync(join(bare, 'schemas'), { recursive: true });
    const r = runKim(['validate'], { cwd: bare });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(bare, 'schemas'))).toBe(false);
  });

  it('kim\'s own checkout (data/ beside the source schemas/) is never touched', () => {
    const before = readFileSync(join(packageRoot, 'schemas', 'staff.schema.json'), 'utf8');
    const r = runKim(['validate'], { cwd: packageRoot });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(packageRoot, 'schemas', 'staff.schema.json'), 'utf8')).toBe(before);
  });
});
