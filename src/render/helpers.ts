import type { HelperOptions } from 'handlebars';
import type { ModuleModel } from '../model/report-model.js';
import { countWord, formatAmount, formatDate, formatDateShort, formatDecimal, formatQuantity, isSingularAmount, joinList, numberWord, ordinal } from '../german/index.js';
import { fromMicro, micro } from '../model/millionths.js';
import { unitWords, type TermsModel } from '../model/terms.js';
import { MissingField, plainValue } from './strict-model.js';

/** A helper's failure that the engine reports at the template line that called it. */
export class HelperError extends Error {}

/** A short description of a wrong argument; Handlebars' options object would otherwise fill the screen. */
const shown = (value: unknown): string => {
  if (value === null || value === undefined) return 'keinen Wert';
  if (typeof value === 'object') return (value as { hash?: unknown }).hash ? 'kein Argument' : Array.isArray(value) ? 'eine Liste' : 'eine Zuordnung';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};
const num = (value: unknown, helper: string): number => {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new HelperError(`${helper} erwartet eine Zahl, bekam ${shown(value)}`);
  return value;
};
const str = (value: unknown, helper: string): string => {
  if (typeof value !== 'string') throw new HelperError(`${helper} erwartet einen Text, bekam ${shown(value)}`);
  return value;
};
/** Dates in the model are ISO strings (a day, or a month where only the month is known); anything else would print garbage into an official paper. */
const isoDate = (value: unknown, helper: string): string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}(?:-\d{2})?$/.test(value)) throw new HelperError(`${helper} erwartet ein Datum (JJJJ-MM-TT), bekam ${shown(value)}`);
  return value;
};
/** A field of an item, own fields only (no prototype is reached), failing like a missing `{{field}}`. */
const ownField = (item: unknown, field: string): unknown => {
  if (item !== null && typeof item === 'object' && Object.prototype.hasOwnProperty.call(item, field)) return (item as Record<string, unknown>)[field];
  throw new MissingField(field, item !== null && typeof item === 'object' ? Object.keys(item) : []);
};
/** Handlebars passes its options object last; helpers with optional arguments must not mistake it for one. */
const args = (list: unknown[]): unknown[] => list.slice(0, -1);

/**
 * Helper names must not collide with model fields (`number`, `count`): Handlebars prefers a helper over a
 * field of the same name in `{{name}}`.
 *
 * The template helpers: German formatting only, each a thin wrapper around a tested function in
 * german. Registered by name as the only helpers templates may call (knownHelpersOnly).
 */
export const HELPERS = {
  /** {{date d}} → 16.03.2022 */
  date: (d: unknown) => formatDate(isoDate(d, 'date')),
  /** {{dateShort d}} → 16.03.22 */
  dateShort: (d: unknown) => formatDateShort(isoDate(d, 'dateShort')),
  /** {{amount 55000}} → 55.000 € */
  amount: (n: unknown) => formatAmount(num(n, 'amount')),
  /** {{decimal 3.5}} → 3,5 */
  decimal: (n: unknown) => formatDecimal(num(n, 'decimal')),
  /** {{countWord 2 "feminine" "weitere"}} → zwei weitere */
  countWord: (...list: unknown[]) => {
    const [n, genus, further] = args(list);
    const g = genus === 'masculine' || genus === 'neuter' ? genus : 'feminine';
    return countWord(num(n, 'count'), g, { further: further === 'weitere' });
  },
  /** {{inWords 9}} → neun */
  inWords: (n: unknown) => numberWord(num(n, 'inWords')),
  /** {{ordinal 2 "en"}} → zweiten */
  ordinal: (...list: unknown[]) => {
    const [n, ending] = args(list);
    return ordinal(num(n, 'ordinal'), typeof ending === 'string' ? ending : 'e');
  },
  /** {{numerus n "wurde" "wurden"}}: singular for one (and for a post share up to one: "0,5 Stelle ist"), plural otherwise. */
  numerus: (...list: unknown[]) => {
    const [n, one, many] = args(list);
    return isSingularAmount(num(n, 'numerus')) ? str(one, 'numerus') : str(many, 'numerus');
  },
  /** {{fte 3.5}} → "3,5 VZÄ" or "3,5 Stellen": posts in the programme's unit (programme.yaml terms.unit). */
  fte: (...list: unknown[]) => {
    // Called without a value ({{fte}}, e.g. meaning a field of that name), Handlebars passes only its options.
    if (list.length < 2) throw new HelperError(`fte erwartet eine Zahl, bekam kein Argument`);
    const [n, options] = list as [unknown, HelperOptions];
    const terms = plainValue((options.data as { root: { terms: TermsModel } }).root).terms;
    return formatQuantity(num(n, 'fte'), unitWords(terms));
  },
  /** {{#if (eq kind "strategic")}}: two values are the same. */
  eq: (...list: unknown[]) => {
    const [a, b] = args(list);
    return a === b;
  },
  /** {{list items}} or {{list groups "phrase"}} → "A, B und C" */
  list: (...list: unknown[]) => {
    const [items, property] = args(list);
    if (!Array.isArray(items)) throw new HelperError(`list erwartet eine Liste, bekam ${shown(items)}`);
    const texts = items.map((item) => (typeof property === 'string' ? ownField(item, property) : item));
    return joinList(texts.map((t) => str(t, 'list')));
  },
  /** {{sum groups}}: total of the groups' `count`. */
  sum: (items: unknown) => {
    if (!Array.isArray(items)) throw new HelperError('sum erwartet eine Liste');
    // In millionths, as every sum of posts: a count may be a post (0,1 + 0,2 is 0,3, not 0,30000000000000004).
    return fromMicro(items.reduce((total: number, item) => total + micro(num((item as { count?: unknown }).count, 'sum')), 0));
  },
  /** {{#with (module 2)}}: the module with that number. */
  module: (n: unknown, options: HelperOptions) => {
    const modules = plainValue((options.data as { root: { modules: ModuleModel[] } }).root).modules;
    const found = modules.find((m) => m.number === num(n, 'module'));
    if (!found) throw new HelperError(`Es gibt kein Modul ${String(n)}; vorhanden: ${modules.map((m) => m.number).join(', ')}`);
    return found;
  },
} as const;

export const KNOWN_HELPERS: Record<string, true> = Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true]));
