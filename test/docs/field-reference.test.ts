/**
 * docs/datenfelder.md is generated from the JSON Schemas: a schema change without regenerating it
 * would leave the clerk's reference saying what kim no longer checks.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';

// A plain ES module script (the build runs it with node), so its types are given here.
const script = (await import('../../scripts/generate-docs.mjs')) as { FIELD_REFERENCE: string; fieldReference: (schemasDir?: string) => string };
const generate = script.fieldReference;
const FIELD_REFERENCE = script.FIELD_REFERENCE;
const schemaFiles = ['organisation', 'programme', 'staff', 'assignments', 'meetings', 'report'].map((n) => `${n}.schema.json`);

describe('the field reference (docs/datenfelder.md)', () => {
  test('is what scripts/generate-docs.mjs makes from schemas/ now', () => {
    const committed = readFileSync(FIELD_REFERENCE, 'utf8');
    const fresh = generate();
    if (committed !== fresh) {
      expect.fail('docs/datenfelder.md ist nicht aktuell: die Schemas haben sich geändert. Bitte `node scripts/generate-docs.mjs` ausführen und die Datei mit committen.');
    }
  });

  test('has a row for every field of every schema, with its German title and description', () => {
    const reference = generate();
    const staff = JSON.parse(readFileSync(join(packageRoot, 'schemas', 'staff.schema.json'), 'utf8'));
    for (const [key, field] of Object.entries(staff.properties.staff.items.properties as Record<string, { title?: string; description?: string }>)) {
      const row = reference.split('\n').find((line) => line.startsWith(`| \`staff[].${key}\` |`));
      expect(row, key).toBeDefined();
      if (field.title) expect(row).toContain(`**${field.title}**`);
      if (field.description) expect(row).toContain(field.description);
    }
    expect(reference).toContain('| `staff[].fteChanges[].from` |');
    expect(reference).toContain('| `text.modules.<kennung>.work` |');
  });

  test('follows a change of a schema: a new field appears in the regenerated reference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kim-schemas-'));
    try {
      for (const file of schemaFiles) cpSync(join(packageRoot, 'schemas', file), join(dir, file));
      const staff = JSON.parse(readFileSync(join(dir, 'staff.schema.json'), 'utf8'));
      staff.properties.staff.items.properties.room = { title: 'Büro', description: 'Raumnummer im Kreishaus.', type: 'string', examples: ['A 1.23'] };
      writeFileSync(join(dir, 'staff.schema.json'), JSON.stringify(staff));
      expect(generate(dir)).toContain('| `staff[].room` |  | **Büro**: Raumnummer im Kreishaus. | Text | `A 1.23` |');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reads a field defined in a sibling schema file, and fields with alternative values (oneOf)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kim-schemas-'));
    try {
      for (const file of schemaFiles) cpSync(join(packageRoot, 'schemas', file), join(dir, file));
      writeFileSync(join(dir, 'common.schema.json'), JSON.stringify({ $defs: { phone: { title: 'Telefon', description: 'Dienstliche Rufnummer.', type: 'string', examples: ['02241 13-0'] } } }));
      const staff = JSON.parse(readFileSync(join(dir, 'staff.schema.json'), 'utf8'));
      staff.properties.staff.items.properties.phone = { $ref: 'common.schema.json#/$defs/phone' };
      staff.properties.staff.items.properties.hours = { title: 'Wochenstunden', oneOf: [{ type: 'number', minimum: 1 }, { enum: ['voll'] }] };
      writeFileSync(join(dir, 'staff.schema.json'), JSON.stringify(staff));
      const reference = generate(dir);
      expect(reference).toContain('| `staff[].phone` |  | **Telefon**: Dienstliche Rufnummer. | Text | `02241 13-0` |');
      expect(reference).toContain('| `staff[].hours` |  | **Wochenstunden** | Zahl; mindestens 1 oder eins von `voll` |  |');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
