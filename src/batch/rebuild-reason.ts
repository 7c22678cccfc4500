/**
 * Why the skip check rebuilds a report, in words for `KIM_DEBUG=build` (see trace.ts): the parts of the
 * build key (build.ts inputsOf) that differ from those the manifest entry recorded, data files by name,
 * what a render read by the name recorded-reads.ts gives it ("Vorlage 2021-11-16-kim-sachstand: stand").
 */

/** The key's parts that are not a data file, as a person looking at a trace calls them. */
const LABELS: Record<string, string> = {
  kim: 'kim-Version',
  format: 'Ausgabeformate',
  oparlBaseUrl: 'OParl-Basisadresse',
  sourceDateEpoch: 'SOURCE_DATE_EPOCH',
  template: 'Template oder Teilvorlage',
};

/**
 * The parts whose hash changed, appeared or went, in the key's order: a data file by its path in the data
 * folder (`report`, the report's own file, as `reportFile`).
 */
export function changedInputs(before: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>, reportFile: string): string[] {
  const names = [...new Set([...Object.keys(now), ...Object.keys(before)])];
  return names.filter((name) => before[name] !== now[name]).map((name) => (name === 'report' ? reportFile : (LABELS[name] ?? name)));
}
