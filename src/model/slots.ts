/**
 * Placeholders in text written by the clerk: `{date}` in a role's statement, `{anlage:geschaeftsordnung}`
 * in a report's text. Plain substitution, never code: data stays data.
 */
// Not inside doubled braces: `{{title}}` is Handlebars written into data, one mistake (findMalformedSlots).
const SLOT = /(?<!\{)\{([a-zA-Z]+)(?::([a-z0-9-]+))?\}(?!\})/g;

export interface SlotUse {
  name: string;
  arg: string | undefined;
  /** Offset of the `{` in the text, for locating errors. */
  index: number;
}

export function findSlots(text: string): SlotUse[] {
  return [...text.matchAll(SLOT)].map((m) => ({ name: m[1]!, arg: m[2], index: m.index }));
}

/** Replaces every slot through `lookup`; validation has already rejected slots that `lookup` cannot fill. */
export function fillSlots(text: string, lookup: (name: string, arg: string | undefined) => string): string {
  return text.replace(SLOT, (_, name: string, arg: string | undefined) => lookup(name, arg));
}

/** Slots a role's statement may use (see programme.schema.json). */
export const STATEMENT_SLOTS = ['date', 'who', 'employer', 'which', 'all', 'pronoun', 'Pronoun', 'fte'] as const;
/**
 * What a report's text may name without typing it (report.schema.json): the previous report's session
 * and Drucksachennummer ("Auf die Vorlage {letzteVorlage} wird verwiesen" stays true after `kim next`),
 * this session and the Stand. German names, like `anlage`: the clerk writes them.
 */
export const REPORT_SLOTS = { previousSession: 'letzteSitzung', previousReference: 'letzteVorlage', session: 'sitzung', stand: 'stand' } as const;

export interface MalformedSlot {
  /** The text as written, e.g. `{anlage: geschaeftsordnung}`. */
  text: string;
  /** Offset of the `{` in the text. */
  index: number;
  /** The slot the clerk most likely meant (`{anlage:geschaeftsordnung}`), when there is one. */
  meant: string | undefined;
}

/**
 * Every `{…}` in a text that looks like a slot but does not parse as one (a space, an umlaut, a capital
 * in the id, a missing `}`): `fillSlots` would leave it untouched, and it would print raw into the
 * Vorlage. Curly braces have no other use in a Vorlage's text, so any that are not a slot are a mistake.
 */
export function findMalformedSlots(text: string): MalformedSlot[] {
  const found: MalformedSlot[] = [];
  const wellFormed = /^\{[a-zA-Z]+(?::[a-z0-9-]+)?\}$/;
  for (let index = text.indexOf('{'); index !== -1; index = text.indexOf('{', index + 1)) {
    const doubled = /^\{\{[^{}\n]{0,76}\}\}/.exec(text.slice(index, index + 82));
    if (doubled) {
      // Handlebars syntax in a text block (`{{title}}`): one problem, with the slot it may have meant.
      const meant = `{${doubled[0].slice(2, -2).trim()}}`;
      found.push({ text: doubled[0], index, meant: wellFormed.test(meant) ? meant : undefined });
      index += doubled[0].length - 1;
      continue;
    }
    const close = text.indexOf('}', index);
    const next = text.slice(index + 1).search(/[{\n]/);
    const closed = close !== -1 && (next === -1 || close < index + 1 + next) && close - index <= 80;
    // Unclosed: show the brace and the word after it, which is what the clerk will look for.
    const written = closed ? text.slice(index, close + 1) : /^\{\s*[^\s{}]{0,40}/.exec(text.slice(index))![0];
    if (wellFormed.test(written)) continue; // a slot: known or not, findSlots reports it
    const inner = written.replace(/^\{/, '').replace(/\}$/, '');
    const [rawName = '', ...rest] = inner.split(':');
    const name = rawName.replace(/\s+/g, '');
    const arg = rest.join(':').replace(/\s+/g, '').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
    // Never the text as written: that is not well-formed, this is.
    const meant = `{${name.toLowerCase()}${rest.length > 0 ? `:${arg}` : ''}}`;
    found.push({ text: written, index, meant: wellFormed.test(meant) ? meant : undefined });
  }
  return found;
}
