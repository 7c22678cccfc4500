import type { Gender, Genus, RoleForms } from '../../model/types.js';

/** A role noun chosen for a group of people, with what the article and pronouns need to agree with it. */
export interface RoleNoun {
  text: string;
  /** Grammatical gender of the singular noun; undefined for a plural. */
  genus: Genus | undefined;
  plural: boolean;
}

const GENUS: Record<'w' | 'm', Genus> = { w: 'feminine', m: 'masculine' };

/**
 * The role's German form for a group: one person by their gender (neutral form for "d"); a group all
 * women or all men by its plural; any other group by the mixed plural ("Case Managerinnen und Case Manager",
 * "Mitarbeitende").
 */
export function roleNoun(forms: RoleForms, genders: readonly Gender[]): RoleNoun {
  if (genders.length === 1) {
    const g = genders[0]!;
    return g === 'd' ? { text: forms.d, genus: forms.neutralGenus, plural: false } : { text: forms[g], genus: GENUS[g], plural: false };
  }
  if (genders.length > 0 && genders.every((g) => g === 'w')) return { text: forms.plural.w, genus: undefined, plural: true };
  if (genders.length > 0 && genders.every((g) => g === 'm')) return { text: forms.plural.m, genus: undefined, plural: true };
  return { text: forms.plural.mixed, genus: undefined, plural: true };
}

const DEFINITE_NOM: Record<Genus, string> = { feminine: 'die', masculine: 'der', neuter: 'das' };

/** Nominative definite article, which is also the relative pronoun ("…, die für … verantwortlich ist"). */
export function definiteArticle(noun: RoleNoun): string {
  return noun.plural || !noun.genus ? 'die' : DEFINITE_NOM[noun.genus];
}
