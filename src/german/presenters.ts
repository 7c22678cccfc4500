/**
 * The people who present a Vorlage's item in the session (report.yaml presenters), in the Vorlage's
 * German: "Herr Dr. Max Beispiel, Leiter des Sozialamtes". The salutation is the data's, never guessed.
 */
import { writtenName } from './staff-name-patterns.js';

export interface PresenterForms {
  /** The name as written (a staff member's is turned round and cleaned, see writtenName). */
  name: string;
  salutation?: 'Frau' | 'Herr' | undefined;
  academicTitle?: string | undefined;
  function?: string | undefined;
}

/** "Herr Dr. Max Beispiel": what the privacy check lets through for a named staff member (privacy-check.ts). */
export function presenterName(p: PresenterForms): string {
  return [p.salutation, p.academicTitle, writtenName(p.name)].filter((w) => w !== undefined && w !== '').join(' ');
}

/**
 * "In der Sitzung berichtet Herr Dr. Max Beispiel, Leiter des Sozialamtes." With several: "In der Sitzung
 * berichten Frau Anna Beispiel, Koordinatorin, und Herr Max Beispiel." (a function before "und" is closed
 * by a comma: it is an apposition). Empty without presenters.
 */
export function presentersSentence(presenters: readonly PresenterForms[]): string {
  if (presenters.length === 0) return '';
  let list = '';
  presenters.forEach((p, i) => {
    list += `${presenterName(p)}${p.function ? `, ${p.function}` : ''}`;
    // Between names a comma; before the last "und", and a comma closing the function before it.
    if (i < presenters.length - 2) list += ', ';
    else if (i === presenters.length - 2) list += p.function ? ', und ' : ' und ';
  });
  return `In der Sitzung ${presenters.length === 1 ? 'berichtet' : 'berichten'} ${list}.`;
}
