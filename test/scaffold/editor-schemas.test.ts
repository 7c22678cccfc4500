/** `kim validate` keeps the repository's editor schemas (schemas/, written by kim init) on the stand of the kim that runs. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { cleanUp, runKim, scaffoldedRepo } from './helpers.js';

let repo = '';
const schema = (name: string) => join(repo, 'schemas', `${name}.schema.json`);

beforeAll(() => {
  repo = scaffoldedRepo('kim-schemas-');
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
    const bare = scaffoldedRepo('kim-schemas-');
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
