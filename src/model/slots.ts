/**
 * Placeholders in text written by the clerk: `{date}` in a role's statement, `{anlage:geschaeftsordnung}`
 * in a report's text. Plain substitution, never code: data stays data.
 */
const SLOT = /\{([a-zA-Z]+)(?::([a-z0-9-]+))?\}/g;

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
/** The slot a report's text may use to cite an attachment by id: `{anlage:ID}` → "Anlage 1". */
export const ATTACHMENT_SLOT = 'anlage';
/**
 * Dates a report's text may name without typing them (report.schema.json): the previous report's
 * session, this session and the Stand. German names, like `anlage`: the clerk writes them.
 */
export const REPORT_SLOTS = { previousSession: 'letzteSitzung', session: 'sitzung', stand: 'stand' } as const;
