import type { DataPathState } from '../rule-context.js';

/**
 * What is wrong with a path from the data (an attachment, the letterhead's logo) as its check found it,
 * in German, or undefined when it names a regular file inside the data folder. `what` names the file:
 * "Die Anlagendatei", "Die Logodatei".
 */
export function dataFileProblem(state: DataPathState, file: string, what: string): string | undefined {
  switch (state) {
    case 'outside':
      return `Der Pfad "${file}" führt aus dem Datenordner hinaus; erwartet wird ein relativer Pfad innerhalb des Datenordners.`;
    case 'missing':
      return `${what} "${file}" gibt es im Datenordner nicht.`;
    case 'folder':
      return `"${file}" ist ein Ordner; erwartet wird der Pfad einer Datei im Datenordner, z. B. anlagen/geschaeftsordnung.pdf.`;
    case 'special':
      return `"${file}" ist keine gewöhnliche Datei (sondern z. B. eine benannte Pipe oder ein Gerät); erwartet wird eine Datei im Datenordner.`;
    default:
      return undefined;
  }
}
