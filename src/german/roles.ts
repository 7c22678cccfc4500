import { definite } from './articles.js';
import { joinList as join } from './lists.js';
import { countWord, numberWord } from './numbers.js';
import type { Gender, Genus, NounForms } from './types.js';

/** One noun of a person phrase with its count: "eine Koordinatorin", "zwei Case Managerinnen". */
export interface NounPart {
  count: number;
  text: string;
  /** Genus of a singular noun (for its article); undefined for a plural. */
  genus: Genus | undefined;
}

const GENUS: Record<'w' | 'm', Genus> = { w: 'feminine', m: 'masculine' };
const ORDER: Gender[] = ['w', 'm', 'd'];

/** A pair form like "Case Managerinnen und Case Manager" names women and men: it does not fit one of each. */
export const isPairForm = (forms: NounForms): boolean => forms.plural.mixed === `${forms.plural.w} und ${forms.plural.m}`;

/**
 * The nouns for a group of people of one role: one person by their gender (the neutral form for "d"); a
 * group of women or of men by its plural; a mixed group by the mixed plural ("Mitarbeitende", "Case
 * Managerinnen und Case Manager"). A pair form is split where it would claim more than there are:
 * a woman and a man are "eine Koordinatorin und ein Koordinator", not "zwei Koordinatorinnen und
 * Koordinatoren". Several people of gender d are named by the neutral plural (`plural.d`) where there is
 * one: two are "zwei Case-Management-Fachkräfte", not "zwei Case Managerinnen und Case Manager", which
 * would say they are women and men. (Validation asks for `plural.d` where a pair form would need it.)
 * Split parts come women first, or with `inOrder` in the order of `genders`.
 */
export function nounParts(forms: NounForms, genders: readonly Gender[], options: { inOrder?: boolean } = {}): NounPart[] {
  const count = genders.length;
  if (count === 1) {
    const g = genders[0]!;
    return [g === 'd' ? { count, text: forms.d, genus: forms.neutralGenus } : { count, text: forms[g], genus: GENUS[g] }];
  }
  if (genders.every((g) => g === 'w')) return [{ count, text: forms.plural.w, genus: undefined }];
  if (genders.every((g) => g === 'm')) return [{ count, text: forms.plural.m, genus: undefined }];
  if (genders.every((g) => g === 'd') && forms.plural.d !== undefined) return [{ count, text: forms.plural.d, genus: undefined }];
  // `inOrder`: split parts in the order the people come (a list below the sentence names them in that order).
  const order = options.inOrder ? [...new Set(genders)] : ORDER;
  const byGender = order.map((g) => ({ g, n: genders.filter((x) => x === g).length })).filter((x) => x.n > 0);
  const severalD = byGender.some((x) => x.g === 'd' && x.n > 1);
  const split = isPairForm(forms) && byGender.some((x) => x.n === 1 || x.g === 'd') && (!severalD || forms.plural.d !== undefined);
  if (!split) return [{ count, text: forms.plural.mixed, genus: undefined }];
  return byGender.map(({ g, n }) =>
    n === 1
      ? g === 'd'
        ? { count: 1, text: forms.d, genus: forms.neutralGenus }
        : { count: 1, text: forms[g], genus: GENUS[g as 'w' | 'm'] }
      : { count: n, text: forms.plural[g]!, genus: undefined }, // plural.d for several of gender d: split checked it is there
  );
}

/** "zwei weitere Case Managerinnen", "eine Koordinatorin und ein Koordinator": counted, in the nominative. */
export function countedNouns(parts: readonly NounPart[], options: { further?: boolean } = {}): string {
  return join(parts.map((p) => `${countWord(p.count, p.genus ?? 'feminine', { further: options.further ?? false })} ${p.text}`));
}

/**
 * "die Case Managerin", "die beiden Case Managerinnen", "die drei Mitarbeitenden", "die Koordinatorin und der
 * Koordinator": definite, nominative. Two known people are "die beiden" (not "die zwei"); after the article a
 * participle noun declines like an adjective.
 */
export function definiteNouns(parts: readonly NounPart[]): string {
  return join(parts.map((p) => (p.genus ? `${definite(p.genus, 'nom')} ${p.text}` : `die ${p.count === 2 ? 'beiden' : numberWord(p.count)} ${adjectivalPlural(p.text)}`)));
}

/** The relative pronoun, which is the nominative definite article: "…, die für … verantwortlich ist". */
export function relativePronoun(parts: readonly NounPart[]): string {
  const only = parts.length === 1 ? parts[0]! : undefined;
  return only?.genus ? definite(only.genus, 'nom') : 'die';
}

/** The personal pronoun for the group: "sie", "er", "es" (one person by the noun's genus), "sie" (several). */
export function personalPronoun(parts: readonly NounPart[]): string {
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (!only?.genus) return 'sie';
  return only.genus === 'masculine' ? 'er' : only.genus === 'neuter' ? 'es' : 'sie';
}

/**
 * A plural noun after "die beiden", "der beiden": a noun made from a participle declines like an adjective
 * ("die beiden Mitarbeitenden", "eine der beiden Mitarbeitenden"); other nouns stay ("Case Managerinnen",
 * "Fachkräfte").
 */
export function adjectivalPlural(plural: string): string {
  return /ende$/.test(plural) ? `${plural}n` : plural;
}
