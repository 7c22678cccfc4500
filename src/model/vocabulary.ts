import type { LetterheadField, SectionHeading } from './types.js';

/**
 * kim's fixed words of a Vorlage (templates/wortschatz.yaml, read by src/render/default-vocabulary.ts),
 * handed to the model so that it stays pure: the model arranges facts, the words come from the file.
 */
export interface Vocabulary {
  einstellungenErsterSatz: string;
  einstellungenWeitereSaetze: string[];
  stellenumfangErhoeht: string;
  stellenumfangVerringert: string;
  beide: string;
  alle: string;
  ueberschriften: Record<SectionHeading, string>;
  briefkopf: Record<LetterheadField, string>;
}

/** The phrases organisation.yaml may replace under `wortschatz:` (headings and labels have their own keys there). */
export type VocabularyOverrides = Partial<Omit<Vocabulary, 'ueberschriften' | 'briefkopf'>>;

/** kim's vocabulary with the organisation's own words laid over it. */
export function withOverrides(vocabulary: Vocabulary, overrides: VocabularyOverrides | undefined): Vocabulary {
  return { ...vocabulary, ...overrides };
}

/** How the i-th hiring sentence of a module begins: the first word, then the others in turn. */
export function hiringConnective(vocabulary: Vocabulary, i: number): string {
  const further = vocabulary.einstellungenWeitereSaetze;
  return i === 0 ? vocabulary.einstellungenErsterSatz : further[(i - 1) % further.length]!;
}
