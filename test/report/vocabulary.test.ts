// kim's fixed words of a Vorlage come from templates/wortschatz.yaml; organisation.yaml may replace them
// under `wortschatz:` (docs/anleitung.md, "Eigene Wörter").
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadValidData } from '../../src/api.js';
import { DataError } from '../../src/errors.js';
import { DEFAULT_VOCABULARY_FILE } from '../../src/render/default-vocabulary.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, renderFromFiles, renderWith } from '../support/example.js';
import { copyData, positionOf, removeScratch, ROOT } from '../validate/helpers.js';

afterAll(removeScratch);

describe('the vocabulary of a Vorlage', () => {
  it('an organisation that writes "Mittlerweile" for "Inzwischen" sees it in its Vorlage', async () => {
    const dir = copyData();
    const before = await renderFromFiles(dir);
    expect(before).toContain('Inzwischen wurden für folgende Kommunen neun weitere Case Managerinnen');
    appendFileSync(join(dir, 'organisation.yaml'), 'wortschatz:\n  einstellungenErsterSatz: Mittlerweile\n');
    const after = await renderFromFiles(dir);
    expect(after).toContain('Mittlerweile wurden für folgende Kommunen neun weitere Case Managerinnen');
    expect(after).not.toContain('Inzwischen');
    // Only that phrase changed.
    expect(after.replace('Mittlerweile', 'Inzwischen')).toBe(before);
  });

  it('the words of a plan change and of two people hired together come from the vocabulary too', async () => {
    const before = await renderWith(undefined, FOLLOW_UP, FOLLOW_UP_DIR);
    expect(before).toContain('von 3,5 auf 5 VZÄ erhöht.');
    expect(before).toContain('Beide fungieren als Geschäftsstelle');
    const after = await renderWith((d) => void (d.organisation.wortschatz = { stellenumfangErhoeht: 'aufgestockt', beide: 'Die beiden' }), FOLLOW_UP, FOLLOW_UP_DIR);
    expect(after).toContain('von 3,5 auf 5 VZÄ aufgestockt.');
    expect(after).toContain('Die beiden fungieren als Geschäftsstelle');
  });

  it('an unknown word is refused at its line, with the name it probably meant', async () => {
    const dir = copyData();
    appendFileSync(join(dir, 'organisation.yaml'), 'wortschatz:\n  einstellungenErsterSaz: Mittlerweile\n');
    const failure = await loadValidData({ dataDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(DataError);
    const at = positionOf(dir, 'organisation.yaml', 'einstellungenErsterSaz');
    const found = (failure as DataError).diagnostics.find((d) => d.message.includes('einstellungenErsterSaz'));
    expect(found).toMatchObject({ file: expect.stringContaining('organisation.yaml'), line: at.line });
    expect(found!.message).toContain('Meinten Sie "einstellungenErsterSatz"?');
  });

  it('organisation.yaml may override exactly the phrases of templates/wortschatz.yaml', () => {
    const file = parse(readFileSync(DEFAULT_VOCABULARY_FILE, 'utf8')) as Record<string, unknown>;
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'organisation.schema.json'), 'utf8')) as {
      properties: { wortschatz: { properties: Record<string, unknown> } };
    };
    // Headings and letterhead labels keep their own keys in organisation.yaml (headings, letterhead.labels).
    const phrases = Object.keys(file).filter((k) => k !== 'ueberschriften' && k !== 'briefkopf');
    expect(Object.keys(schema.properties.wortschatz.properties).sort()).toEqual(phrases.sort());
  });
});
