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
  return hint === undefined ? '' : ` Meinten Sie ${SHOWN[style](hint)}?`;
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
