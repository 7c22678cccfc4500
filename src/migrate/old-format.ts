/**
 * The hook of validation (`kim validate`, `kim report`, `kim build`, `kim list`): a folder of another data
 * format is one error naming `kim migrate` (or, for a newer format, asking for a newer kim), reported
 * instead of the schema errors its old shape would cause, each of which looks like a typo to fix by hand.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import { DATA_FILES } from '../load/data-files.js';
import type { LoadedSources } from '../load/dataset.js';
import { detectFormat, formatProblem } from './format.js';

export function oldFormatError(sources: LoadedSources): Diagnostic | undefined {
  const found = detectFormat({ organisation: sources.files.organisation?.value, programme: sources.files.programme?.value, reports: sources.reports });
  const message = formatProblem(found);
  return message === undefined ? undefined : error(DATA_FILES.organisation, 0, 0, '', message);
}
