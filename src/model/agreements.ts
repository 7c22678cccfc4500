import { by } from '../compare.js';
import { countWord, dativeFromAt, joinList, municipalityPhrase, strongEnding } from '../german/index.js';
import type { DatasetIndex } from './dataset-index.js';
import type { CooperationAgreement, Genus, IsoDate, Organisation } from './types.js';

/** How the Kreis calls its agreements (organisation.yaml agreementWord), as the sentences need it. */
export interface AgreementWordModel {
  singular: string;
  plural: string;
  genus: Genus;
  /** "eine Kooperationsvereinbarung", "ein Kooperations- und Weiterleitungsvertrag". */
  one: string;
  /** "eine weitere Kooperationsvereinbarung", "ein weiterer Kooperations- und Weiterleitungsvertrag". */
  another: string;
}

export const DEFAULT_AGREEMENT_WORD = { singular: 'Kooperationsvereinbarung', plural: 'Kooperationsvereinbarungen', genus: 'feminine' } as const;

export function agreementWordOf(word: Organisation['agreementWord']): AgreementWordModel {
  const { singular, plural, genus } = word ?? DEFAULT_AGREEMENT_WORD;
  return { singular, plural, genus, one: `${countWord(1, genus)} ${singular}`, another: `${countWord(1, genus)} weiter${strongEnding(genus, 'nom')} ${singular}` };
}

/** The decision that authorised agreements: "des Kreistages" "vom 09.12.2021" "(Drucksache 245/21)". */
export interface AgreementDecisionModel {
  /** The committee in the genitive with its article: "des Kreistages". */
  committee: string;
  date: IsoDate;
  reference: string;
}

/**
 * Agreements with partners concluded on one day under one decision, told in one sentence: "Auf Grundlage
 * des Beschlusses des Kreistages vom … wurden am … Kooperations- und Weiterleitungsverträge mit dem
 * Caritasverband … für die Stadt A und die Gemeinde B sowie mit dem Diakonischen Werk … für den Markt C
 * geschlossen."
 */
export interface PartnerAgreementsModel {
  date: IsoDate;
  decision: AgreementDecisionModel | null;
  /** The decision is the one of the sentence before: "Auf Grundlage desselben Beschlusses". */
  sameDecision: boolean;
  /** More than one agreement: the plural of the agreement word and "wurden". */
  several: boolean;
  /** "mit dem Caritasverband … für die Stadt A und die Gemeinde B", several joined by "und"/"sowie". */
  parties: string;
}

/**
 * Whether the data tell agreements one by one (the second shape: a `partner`, or a `decision` to cite), so
 * the Vorlage tells each with its partner and decision; agreements of the first shape alone keep the
 * general sentence about the municipalities, word for word.
 */
export function hasPartnerAgreements(agreements: readonly CooperationAgreement[]): boolean {
  return agreements.some((a) => a.partner !== undefined || a.decision !== undefined);
}

/** The partner after "mit": an employer's dative (given, from its municipality, or from "beim …"), or a municipality's. */
export function partnerDative(index: DatasetIndex, id: string): string | undefined {
  const employer = index.employers.get(id);
  if (employer) {
    if (employer.dative !== undefined) return employer.dative;
    const town = employer.municipality !== undefined ? index.municipalities.get(employer.municipality) : undefined;
    return town ? municipalityPhrase(town, 'dat') : dativeFromAt(employer.at);
  }
  const municipality = index.municipalities.get(id);
  return municipality ? municipalityPhrase(municipality, 'dat') : undefined;
}

/** "mit dem Caritasverband … für die Stadt A und die Gemeinde B"; an agreement of the old shape "mit der Stadt A". */
function parties(index: DatasetIndex, a: CooperationAgreement): string {
  const partner = a.partner !== undefined ? partnerDative(index, a.partner)! : municipalityPhrase(index.municipalities.get(a.municipality!)!, 'dat');
  const covered = (a.municipalities ?? []).map((m) => municipalityPhrase(index.municipalities.get(m)!, 'acc'));
  return covered.length > 0 ? `mit ${partner} für ${joinList(covered)}` : `mit ${partner}`;
}

const decisionKey = (a: CooperationAgreement): string => (a.decision ? `${a.decision.committee}\u0000${a.decision.date}\u0000${a.decision.reference ?? ''}` : '');

/** The listed agreements of the period (in date order) as sentences: one per day and decision. */
export function partnerAgreementSentences(index: DatasetIndex, listed: readonly CooperationAgreement[]): PartnerAgreementsModel[] {
  const groups: CooperationAgreement[][] = [];
  for (const a of [...listed].sort(by((x) => x.date))) {
    const last = groups.at(-1);
    if (last && last[0]!.date === a.date && decisionKey(last[0]!) === decisionKey(a)) last.push(a);
    else groups.push([a]);
  }
  return groups.map((group, i) => {
    const first = group[0]!;
    const decision = first.decision
      ? { committee: index.committees.get(first.decision.committee)!.genitive, date: first.decision.date, reference: first.decision.reference ?? '' }
      : null;
    return {
      date: first.date,
      decision,
      sameDecision: decision !== null && i > 0 && decisionKey(groups[i - 1]![0]!) === decisionKey(first),
      several: group.length > 1,
      parties: joinList(group.map((a) => parties(index, a))),
    };
  });
}
