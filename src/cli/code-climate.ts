import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';

/**
 * One issue of a GitLab Code Quality report: the subset of the CodeClimate issue format GitLab reads
 * (description, check_name, fingerprint, severity, location.path, location.lines.begin), plus `type`
 * and `categories`, which the CodeClimate spec itself requires.
 */
export interface CodeClimateIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: 'major' | 'minor';
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

/**
 * The diagnostics as a Code Quality report. `pathOf` gives a diagnostic's file relative to the
 * repository root (GitLab links it there). The fingerprint leaves out the line on purpose: GitLab
 * compares the fingerprints of the merge request with those of its target branch, and a problem that
 * only moved down because lines were added above it is not new. Identical problems in one file are
 * told apart by their order.
 */
export function codeClimateReport(diagnostics: readonly Diagnostic[], pathOf: (d: Diagnostic) => string): CodeClimateIssue[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const path = pathOf(d).split('\\').join('/');
    // "staff[3].fte" → "staff[].fte": the rule is the field, whichever entry breaks it.
    const checkName = `kim/${d.path ? d.path.replace(/\[\d+\]/g, '[]') : 'datei'}`;
    const key = JSON.stringify([path, checkName, d.severity, d.message]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return {
      type: 'issue',
      check_name: checkName,
      description: d.message,
      categories: ['Bug Risk'],
      // The CLI's own rule: errors stop a Vorlage, warnings do not (as eslint's GitLab formatters map them).
      severity: d.severity === 'error' ? 'major' : 'minor',
      fingerprint: createHash('sha256').update(`${key}#${n}`).digest('hex').slice(0, 32),
      location: { path, lines: { begin: Math.max(d.line, 1) } },
    };
  });
}
