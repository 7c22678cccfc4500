/**
 * One step of the data format, from version `from` to `from + 1`. A step reads the whole folder (a file's
 * change may depend on another file, e.g. the paper types come from the reports) and returns the files it
 * changes, each with its new text, what the clerk is told, and what the file must mean afterwards.
 */
export interface FolderTexts {
  /** Relative path (forward slashes) → text, for organisation.yaml, programme.yaml, …, reports/*.yaml. */
  readonly files: ReadonlyMap<string, string>;
}

export interface StepChange {
  file: string;
  /** The new text, made by editing the old text in place (undefined: the step could not; see `expected`). */
  text: string | undefined;
  /** The file's content afterwards as plain data: the check of `text`, and the fallback when it is missing or wrong. */
  expected: Record<string, unknown>;
  /** German, one entry per change, for the clerk. */
  notes: string[];
}

export interface MigrationStep {
  from: number;
  /** German, one line: what this format change was. */
  title: string;
  apply(folder: FolderTexts): StepChange[];
}
