import type { Diagnostic } from '../../diagnostics.js';
import { stemOf } from '../../load/data-files.js';
import { at, defineRule } from '../rule-context.js';

/**
 * Names Windows reserves for devices: a file called `con.md`, `NUL.pdf` or `com1.yaml` (any case, any
 * extension) can be neither made nor opened there, and `git clone` fails on it. The data repository is
 * shared with colleagues on Windows, so these names are refused on every platform.
 */
const DEVICE = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;

/**
 * The device a file name (without folder) would open on Windows, upper case (`CON`), or undefined.
 * Windows ignores everything from the first dot, and trailing blanks and dots.
 */
export function reservedDeviceName(name: string): string | undefined {
  const base = name.split('.')[0]!.replace(/[ .]+$/, '');
  return DEVICE.test(base) ? base.toUpperCase() : undefined;
}

/** The German sentence for a reserved name, shared by ids and paths. */
export const reservedNameReason = (name: string, device: string): string =>
  `"${name}" ist unter Windows ein reservierter Gerätename (${device}): eine Datei dieses Namens lässt sich dort weder anlegen noch öffnen, auch nicht mit einer Endung.`;

/**
 * A report's id names its output files (`<id>.md`, `<id>.pdf`), its file name the data file: neither
 * may be a reserved device name.
 */
export const noReservedReportNames = defineRule({
  name: 'no-reserved-report-names',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.data.reports.forEach((report, i) => {
      const device = reservedDeviceName(report.id);
      if (device) {
        out.push(at(ctx, { report: i }, '/id', `Die Vorlagen-Kennung ${reservedNameReason(report.id, device)} Sie benennt die Ausgabedateien; wählen Sie eine andere, z. B. ${report.id}-bericht.`));
        return;
      }
      const stem = stemOf(ctx.reportSources[i]!.file);
      const fileDevice = reservedDeviceName(stem);
      if (fileDevice) out.push(at(ctx, { report: i }, '/id', `Der Dateiname ${reservedNameReason(stem, fileDevice)} Benennen Sie die Datei nach der Kennung der Vorlage: reports/${report.id}.yaml.`));
    });
    return out;
  },
});
