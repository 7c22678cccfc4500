/**
 * Outline entries (src/model/outline-blocks.ts): what a line of report.yaml's `outline` names, a fact block
 * (for one module or not, with or without the funding), a text block of the report or of a module, or
 * nothing kim knows; and the headings whose fact slots the model fills. Each test reads what the Vorlage
 * would place: the block, its module, whether the funding is told.
 */
import { describe, expect, test } from 'vitest';
import { factBlock, outlineEntryNames, outlineHeadings, parseOutlineEntry } from '../../src/model/outline-blocks.js';

describe('an outline entry', () => {
  test('a fact block by name: no module, with the funding, for every kind of module', () => {
    expect(parseOutlineEntry('besetzung')).toEqual({ type: 'fact', block: factBlock('besetzung'), module: undefined, funding: true, kinds: undefined });
  });

  test('a fact block for one module, written after a colon', () => {
    const entry = parseOutlineEntry('besetzung:modul-2');
    expect(entry).toMatchObject({ type: 'fact', module: 'modul-2', funding: true });
  });

  test('written as an object: its module, the funding left out, one kind or several', () => {
    expect(parseOutlineEntry({ block: 'besetzung', module: 'modul-1', funding: false, kind: 'strategic' })).toEqual({
      type: 'fact',
      block: factBlock('besetzung'),
      module: 'modul-1',
      funding: false,
      kinds: ['strategic'],
    });
    expect(parseOutlineEntry({ block: 'besetzung', kind: ['strategic', 'other'] })).toMatchObject({ funding: true, kinds: ['strategic', 'other'] });
    // The colon's module wins over nothing, and funding stays unless set to false.
    expect(parseOutlineEntry({ block: 'besetzung:modul-3', funding: true })).toMatchObject({ module: 'modul-3', funding: true });
    expect(parseOutlineEntry({ block: 'besetzung:modul-3', module: 'modul-1' })).toMatchObject({ module: 'modul-3' });
  });

  test('an unknown name is unknown, as written', () => {
    expect(parseOutlineEntry('bestzung')).toEqual({ type: 'unknown', written: 'bestzung' });
    expect(parseOutlineEntry({ block: 'bestzung:modul-1' })).toEqual({ type: 'unknown', written: 'bestzung:modul-1' });
  });

  test("a report's text block: text.KEY", () => {
    expect(parseOutlineEntry('text.preface')).toEqual({ type: 'text', key: 'preface', module: undefined, kinds: undefined });
    expect(parseOutlineEntry({ block: 'text.closing', kind: 'case-management' })).toEqual({ type: 'text', key: 'closing', module: undefined, kinds: ['case-management'] });
  });

  test("a module's text block: text.modules.ID.KEY, or text.KEY in a section per module (with the object's module)", () => {
    expect(parseOutlineEntry('text.modules.modul-2.work')).toEqual({ type: 'text', key: 'work', module: 'modul-2', kinds: undefined });
    expect(parseOutlineEntry('text.staff')).toEqual({ type: 'text', key: 'staff', module: undefined, kinds: undefined });
    expect(parseOutlineEntry({ block: 'text.staff', module: 'modul-1' })).toEqual({ type: 'text', key: 'staff', module: 'modul-1', kinds: undefined });
  });

  test('a text block kim does not know is unknown', () => {
    expect(parseOutlineEntry('text.vorwort')).toEqual({ type: 'unknown', written: 'text.vorwort' });
    expect(parseOutlineEntry('text.modules.modul-2.preface')).toEqual({ type: 'unknown', written: 'text.modules.modul-2.preface' });
    expect(parseOutlineEntry('text.modules.Modul-2.work')).toEqual({ type: 'unknown', written: 'text.modules.Modul-2.work' });
    expect(parseOutlineEntry('xtext.modules.modul-2.work.')).toEqual({ type: 'unknown', written: 'xtext.modules.modul-2.work.' });
    expect(parseOutlineEntry('text.modules.modul-2.work.x')).toEqual({ type: 'unknown', written: 'text.modules.modul-2.work.x' });
    expect(parseOutlineEntry('text.x.modules.modul-2.work')).toEqual({ type: 'unknown', written: 'text.x.modules.modul-2.work' });
  });
});

describe('names and headings', () => {
  test('every name an entry may have, for "Meinten Sie …?": fact blocks, then report and module text blocks', () => {
    const names = outlineEntryNames();
    expect(names.slice(0, 2)).toEqual(['kopf', 'einleitung']);
    expect(names).toContain('abdeckung');
    expect(names.slice(-7)).toEqual(['text.preface', 'text.resolution', 'text.steeringGroup', 'text.financialImpact', 'text.closing', 'text.staff', 'text.work']);
  });

  test('a block unknown by name has none', () => {
    expect(factBlock('besetzung')?.partial).toBe('staffing');
    expect(factBlock('nichts')).toBeUndefined();
  });

  test("every heading as written, in order, its subsections' included; sections without heading add none", () => {
    expect(
      outlineHeadings([
        { heading: 'Sachstand {stand}', body: ['einleitung', { heading: 'Personal', body: ['besetzung', { body: [{ heading: 'Tief', body: [] }] }] }, { block: 'besetzung' }] },
        { body: ['kopf'] },
        { heading: 'Schluss', body: [] },
      ]),
    ).toEqual(['Sachstand {stand}', 'Personal', 'Tief', 'Schluss']);
  });
});
