import { parseOutlineEntry, type Outline, type OutlineEntry, type OutlineSectionData } from '../model/outline-blocks.js';
import type { ProgrammeModule } from '../model/types.js';
import type { Place, RuleBase } from './rule-context.js';
import type { Report } from '../model/types.js';

/** One entry of an outline's bodies, where it stands and the modules of the section per module around it. */
export interface OutlineUse {
  pointer: string;
  written: string;
  parsed: OutlineEntry;
  /** The ids of the modules a section per module around the entry covers; null outside such a section. */
  sectionModules: string[] | null;
}

export interface OutlineHeading {
  pointer: string;
  heading: string;
  inModuleSection: boolean;
}

/** An outline to check: organisation.yaml's or a report's, with what it contains. */
export interface OutlineOwner {
  place: Place;
  outline: Outline;
  uses: OutlineUse[];
  headings: OutlineHeading[];
  /** Module ids named by `modules: [...]`, with their pointers. */
  moduleRefs: { pointer: string; id: string }[];
}

/**
 * The outlines of the data: organisation.yaml's (when it passed its schema) and each valid report's, walked
 * through their nested sections. The outline rules (src/validate/rules/outline-*.ts) check these.
 */
export function outlinesOf(ctx: RuleBase & { data: { readonly reports: Report[] } }): OutlineOwner[] {
  // Optional: an outline is checked also when programme.yaml or another field of organisation.yaml has errors.
  const modules = ctx.optional('programme', 'modules') ?? [];
  const out: OutlineOwner[] = [];
  const organisationOutline = ctx.optional('organisation', 'outline');
  if (organisationOutline) out.push(walk('organisation', organisationOutline, modules));
  ctx.data.reports.forEach((r, i) => {
    if (r.outline) out.push(walk({ report: i }, r.outline, modules));
  });
  return out;
}

/**
 * The outline each report is laid out by, of the owners outlinesOf found: the report's own, else its
 * Kreis's; undefined for kim's own outline (which places every block and text). `where` names it for a message.
 */
export function outlineInEffect(owners: OutlineOwner[], reportIndex: number): { owner: OutlineOwner; where: string } | undefined {
  const own = owners.find((o) => typeof o.place === 'object' && 'report' in o.place && o.place.report === reportIndex);
  if (own) return { owner: own, where: 'in der Gliederung der Vorlage (outline)' };
  const organisation = owners.find((o) => o.place === 'organisation');
  return organisation && { owner: organisation, where: 'in der Gliederung aus organisation.yaml (outline)' };
}

/**
 * `check` for every report with the outline it is rendered with: its own, else its Kreis's, and how a
 * message names that outline. Reports rendered with kim's own outline are skipped (it places everything).
 */
export function checkReportOutlines<T>(
  ctx: RuleBase & { data: { readonly reports: Report[] } },
  check: (report: Report, index: number, outline: { owner: OutlineOwner; where: string }) => T[],
): T[] {
  const owners = outlinesOf(ctx);
  return ctx.data.reports.flatMap((r, i) => {
    const effective = outlineInEffect(owners, i);
    return effective ? check(r, i, effective) : [];
  });
}

function walk(place: Place, outline: Outline, modules: ProgrammeModule[]): OutlineOwner {
  const owner: OutlineOwner = { place, outline, uses: [], headings: [], moduleRefs: [] };
  const section = (data: OutlineSectionData, pointer: string, outer: string[] | null): void => {
    let covered = outer;
    if (data.modules !== undefined) {
      if (data.modules === 'all') covered = modules.map((m) => m.id);
      else if (Array.isArray(data.modules)) {
        covered = data.modules;
        data.modules.forEach((id, k) => owner.moduleRefs.push({ pointer: `${pointer}/modules/${k}`, id }));
      } else covered = modules.filter((m) => m.kind === data.modules).map((m) => m.id);
    }
    if (data.heading !== undefined) owner.headings.push({ pointer: `${pointer}/heading`, heading: data.heading, inModuleSection: covered !== null });
    data.body.forEach((entry, k) => {
      const at = `${pointer}/body/${k}`;
      if (typeof entry === 'object' && 'body' in entry) return section(entry, at, covered);
      const parsed = parseOutlineEntry(entry);
      const kinds = parsed.type === 'unknown' ? undefined : parsed.kinds;
      // An entry limited to a kind is about the covered modules of that kind only.
      const sectionModules = covered === null || kinds === undefined ? covered : covered.filter((id) => kinds.includes(modules.find((m) => m.id === id)?.kind ?? 'other'));
      owner.uses.push({ pointer: typeof entry === 'string' ? at : `${at}/block`, written: typeof entry === 'string' ? entry : entry.block, parsed, sectionModules });
    });
  };
  outline.forEach((s, i) => section(s, `/outline/${i}`, null));
  return owner;
}
