import type { Case } from './numbers.js';
import type { Genus } from './types.js';

export type { Case };

const DEFINITE: Record<Case, Record<Genus, string>> = {
  nom: { feminine: 'die', masculine: 'der', neuter: 'das' },
  acc: { feminine: 'die', masculine: 'den', neuter: 'das' },
  dat: { feminine: 'der', masculine: 'dem', neuter: 'dem' },
};

/** The definite article of a singular noun: "die Stadt", "den Baustein", "dem Modul". */
export function definite(genus: Genus, grammaticalCase: Case): string {
  return DEFINITE[grammaticalCase][genus];
}

const STRONG: Record<Case, Record<Genus, string>> = {
  nom: { feminine: 'e', masculine: 'er', neuter: 'es' },
  acc: { feminine: 'e', masculine: 'en', neuter: 'es' },
  dat: { feminine: 'er', masculine: 'em', neuter: 'em' },
};

/**
 * The strong ending of a singular word without article, which "kein" shares in the dative: "folgende
 * Kommune", "folgenden Stadtteil" (acc), "folgendes Quartier"; "keiner Kommune", "keinem Stadtteil".
 */
export function strongEnding(genus: Genus, grammaticalCase: Case): string {
  return STRONG[grammaticalCase][genus];
}

/** "in" with the dative article, contracted where German contracts it: "in der Stadt", "im Modul", "im Markt". */
export function inDative(genus: Genus): string {
  return genus === 'feminine' ? 'in der' : 'im';
}

/** "bei" with the dative article, contracted where German contracts it: "bei der Stadt", "beim Markt". */
export function beiDative(genus: Genus): string {
  return genus === 'feminine' ? 'bei der' : 'beim';
}

/**
 * The dative plural of a noun from its nominative plural: German adds "-n" unless the plural already ends
 * in "-n" or "-s" ("den Stadtteilen", "den Quartieren"; "den Kommunen", "den Büros").
 */
export function dativePlural(plural: string): string {
  return /[ns]$/.test(plural) ? plural : `${plural}n`;
}

/**
 * The stem of the third-person possessive for a singular noun of this genus: "die Lenkungsgruppe … zu ihrer
 * Sitzung", "der Lenkungskreis … zu seiner Sitzung", "des Overheads … seiner Arbeit"; the caller adds the ending.
 */
export function possessiveStem(genus: Genus): 'ihr' | 'sein' {
  return genus === 'feminine' ? 'ihr' : 'sein';
}

/** First letter upper-case, for a phrase that starts a sentence ("Die zum … eingestellte …"). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('de-DE') + text.slice(1);
}
