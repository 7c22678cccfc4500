import type { DataPathState } from '../rule-context.js';
import { reservedDeviceName, reservedNameReason } from './windows-names.js';

/**
 * What is wrong with a path from the data (an attachment, the letterhead's logo) as its check found it,
 * in German, or undefined when it names a regular file inside the data folder. `what` names the file:
 * "Die Anlagendatei", "Die Logodatei".
 */
export function dataFileProblem(state: DataPathState, file: string, what: string): string | undefined {
  // Before the state: a Windows path or a device name is wrong even where this machine finds the file.
  if (file.includes('\\')) {
    return `Der Pfad "${file}" enthält einen umgekehrten Schrägstrich (\\); erwartet werden Schrägstriche wie in "${file.replace(/\\/g, '/')}", die unter Windows, macOS und Linux gleich gelten.`;
  }
  for (const part of file.split('/')) {
    const device = reservedDeviceName(part);
    if (device) return `${what} "${file}": ${reservedNameReason(part, device)} Benennen Sie sie um.`;
  }
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
