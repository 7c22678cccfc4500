/**
 * How a suggestion is written in the hint: a name or value in quotes (`Meinten Sie "start"?`), a
 * placeholder in braces as the clerk writes it (`Meinten Sie {date}?`), or a file name as it is
 * (`Meinten Sie staff.yaml?`).
 */
export type HintStyle = 'quoted' | 'placeholder' | 'plain';

const SHOWN: Record<HintStyle, (word: string) => string> = {
  quoted: (w) => `"${w}"`,
  placeholder: (w) => `{${w}}`,
  plain: (w) => w,
};

/**
 * The German hint for a misspelt word, to append to a message: ` Meinten Sie "start"?` with the leading
 * space, or an empty string when no candidate is close enough to be a plausible typo.
 */
export function didYouMean(word: string, candidates: readonly string[], style: HintStyle = 'quoted'): string {
  const hint = suggest(word, candidates);
  // Never the word itself ("Das Feld "name" … Meinten Sie "name"?"): the caller's candidates may hold it.
  if (hint === undefined || hint === word) return '';
  return ` Meinten Sie ${SHOWN[style](hint)}?${lookalikes(word, hint)}`;
}

/**
 * When the word only looks like the suggestion (a Cyrillic "а", a non-breaking or trailing space), the
 * two read the same in the message: name the characters that differ by their code.
 */
/** A character by its Unicode code point, as messages show one that cannot be told by its look: `U+043E`. */
export const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A blank, an invisible character, or a letter of another script than the Latin one (Cyrillic "а"). */
const LOOKALIKE = /^(?:\s|\p{Cf}|(?=\p{L})\P{Script=Latin})$/u;

function lookalikes(word: string, hint: string): string {
  const odd = [...new Set([...word].filter((c) => LOOKALIKE.test(c) && !hint.includes(c)))];
  if (odd.length === 0) return '';
  const shown = [...word].map((c) => (odd.includes(c) ? `<${codePoint(c)}>` : c)).join('');
  const which = odd.length === 1 ? 'einem Zeichen, das' : 'Zeichen, die';
  return ` Geschrieben ist "${shown}", mit ${which} man leicht übersieht oder verwechselt.`;
}

/**
 * Suggests the closest known word for a misspelling ("strat" → "start"), or nothing when no candidate is
 * close enough to be a plausible typo.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance where swapping two neighbouring letters counts as one edit (a common typo). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
