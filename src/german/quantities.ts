import { formatDecimal } from './numbers.js';

/** A unit posts are counted in: "Vollzeitäquivalent(e)" abbreviated "VZÄ", or "Stelle(n)". */
export interface UnitWords {
  singular: string;
  plural: string;
  abbreviation?: string | undefined;
}

/**
 * Singular for amounts above 0 up to 1 ("1 Stelle", "0,5 Stelle"), plural otherwise ("3,5 Stellen",
 * "0 Stellen"), as German administrative texts count posts.
 */
export const isSingularAmount = (n: number): boolean => n > 0 && n <= 1;

/** "3,5 VZÄ", "0,5 Stelle", "12 Stellen": a number of posts with its unit. */
export function formatQuantity(n: number, unit: UnitWords): string {
  const word = unit.abbreviation ?? (isSingularAmount(n) ? unit.singular : unit.plural);
  return `${formatDecimal(n)} ${word}`;
}
