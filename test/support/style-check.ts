/**
 * The style faults a committee member stumbles over in a Vorlage, as a test reads them: each fault is
 * named with the sentence it stands in. Used on every golden Vorlage (test/report/style.test.ts).
 */

/** Singular unit words of the programmes kim knows (shipped data and fixtures), for "0,5 Stelle". */
const SINGULAR_UNITS = ['Stelle', 'Vollzeitstelle', 'Vollzeitäquivalent', 'Personalstelle'];

const NUMBER_WORDS = 'null|eins?|eine[rnm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf';
const ORDINALS = '(?:erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft)(?:e[nrms]?)?';

/** Sentences of the Markdown text, per paragraph and list line (a line break ends a sentence too). */
export function sentences(markdown: string): string[] {
  return markdown
    .split(/\n/)
    .flatMap((line) => line.replace(/^#+\s*|^\d+\)\s*|\*\*/g, '').split(/(?<=[.!?:])\s+(?=[A-ZÄÖÜ])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A sentence without what only fills it: dates, figures, number words and ordinals become "#". */
function frame(sentence: string): string {
  return sentence
    .replace(/\d{2}\.\d{2}\.\d{2,4}/g, '#')
    .replace(/\d[\d.,]*/g, '#')
    .replace(new RegExp(`\\b(?:${NUMBER_WORDS}|${ORDINALS})\\b`, 'gi'), '#');
}

/** Plural unit words that are words, not abbreviations: "mit 0,5 Stellen" reads "mit einer halben Stelle". */
const PLURAL_WORD_UNITS = ['Stellen', 'Vollzeitstellen', 'Personalstellen'];

/** The municipalities of one numbered line: "4) Gemeinde A (0,5 Stellen) und Gemeinde B seit dem 01.06.22". */
function lineMunicipalities(line: string): string[] {
  return line
    .replace(/^\d+\)\s*/, '')
    .replace(/,? seit .*$/, '')
    .replace(/\s*\([^)]*\)/g, '')
    .split(/, | und /)
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
}

/**
 * Faults of a numbered list announced as "folgende Kommunen:": a municipality named in two lines, and a line
 * that names none ("noch keiner Kommune zugeordnet") under a sentence that announced municipalities.
 */
function listFaults(markdown: string): string[] {
  const faults: string[] = [];
  const blocks = markdown.split(/\n\s*\n/);
  blocks.forEach((block, i) => {
    if (!/folgende (?:Kommune|Kommunen)\b[^\n]*:$/.test(block.trim())) return;
    const lines = (blocks[i + 1] ?? '').split('\n').filter((l) => /^\d+\)/.test(l));
    const seen = new Set<string>();
    for (const line of lines) {
      if (/\bnoch keine[rmn]? \w+ zugeordnet/.test(line)) faults.push(`a line without a municipality under "folgende Kommunen": ${line}`);
      for (const m of lineMunicipalities(line)) {
        if (seen.has(m)) faults.push(`a municipality twice in "folgende Kommunen": ${m}`);
        seen.add(m);
      }
    }
  });
  return faults;
}

export function styleFaults(markdown: string): string[] {
  const faults: string[] = listFaults(markdown);
  const list = sentences(markdown);
  for (const s of list) {
    if (/\bdie zwei\b/.test(s)) faults.push(`"die zwei" for two known people or things ("die beiden"): ${s}`);
    if (new RegExp(`\\bmit (?:zusammen )?0,5 (?:${PLURAL_WORD_UNITS.join('|')})\\b`).test(s)) faults.push(`half a post in figures after "mit" ("mit einer halben Stelle"): ${s}`);
    if (/\bjeweils\b[^;:]{0,40}?\bje\b/.test(s)) faults.push(`two distributives: ${s}`);
    const singular = new RegExp(`\\b\\d+,\\d+ (?:${SINGULAR_UNITS.join('|')})\\b`);
    if (singular.test(s)) faults.push(`a decimal with a singular unit: ${s}`);
    const same = /(?:^|[^\d.,])(\d+(?:,\d+)?|[a-zäöü]+) von \1\b/i.exec(s);
    if (same && (/\d/.test(same[1]!) || new RegExp(`^(?:${NUMBER_WORDS})$`, 'i').test(same[1]!))) faults.push(`"N von N": ${s}`);
  }
  list.forEach((s, i) => {
    if (i > 0 && s === list[i - 1]) faults.push(`the same sentence twice: ${s}`);
    if (i > 1 && frame(s) === frame(list[i - 1]!) && frame(s) === frame(list[i - 2]!) && s.length > 20) faults.push(`the same frame three times: ${s}`);
  });
  return faults;
}
