import { definite, inDative } from './articles.js';
import type { Genus } from './types.js';

/** What a municipality phrase needs: its kind ("Stadt", "Markt"), its name and the kind's genus. */
export interface MunicipalityName {
  type: string;
  name: string;
  genus?: Genus | undefined;
}

/**
 * A municipality as a sentence needs it: bare ("Stadt Königswinter", in lists), with the article after
 * "für" (accusative: "die Gemeinde Windeck", "den Markt Much"), after "mit" (dative: "der Stadt Troisdorf",
 * "dem Markt Much") or after "in" ("in der Stadt Troisdorf", "im Markt Much"). Stadt and Gemeinde are
 * feminine, which is the default.
 */
export function municipalityPhrase(m: MunicipalityName, form: 'bare' | 'acc' | 'dat' | 'in'): string {
  const bare = `${m.type} ${m.name}`;
  const genus = m.genus ?? 'feminine';
  if (form === 'bare') return bare;
  if (form === 'in') return `${inDative(genus)} ${bare}`;
  return `${definite(genus, form)} ${bare}`;
}
