import type { ModuleModel, ReportModel } from '../model/report-model.js';
import { parseOutlineEntry, type Outline, type OutlineSectionData } from '../model/outline-blocks.js';
import { MODULE_TEXT_KEYS } from '../model/types.js';

const MODULE_KEYS: readonly string[] = MODULE_TEXT_KEYS;

/**
 * An outline (report.yaml, organisation.yaml or kim's templates/gliederung.yaml) applied to one report:
 * the sections with their headings, and the fact blocks to render, in reading order. Sections per module
 * are repeated for each module they cover; blocks told once (the steering group, agreements, kick-offs)
 * are kept at their one place. The blocks are rendered by the Vorlage's template in one pass (each entry
 * of `queue` through templates/partials/outline-block.hbs); outline-assemble.ts then puts the pieces into
 * their sections.
 */
export interface Layout {
  sections: LayoutSection[];
  queue: QueueEntry[];
  /**
   * The modules as the queued blocks see them, each with the outline's settings: usually one per module,
   * shared by its blocks, so the engine escapes each module once rather than once per block.
   */
  modules: OutlineModule[];
}

export type OutlineModule = ModuleModel & { withoutFunding: boolean };

export interface LayoutSection {
  /** The heading as written, placeholders not yet filled; null for none. */
  heading: string | null;
  level: number;
  /** The module a section per module is about (placeholders {wort}, {name} …). */
  module: ModuleModel | null;
  /** Queue index of the module's own heading (`{ueberschrift}`), rendered by a partial. */
  moduleHeading: number | null;
  items: LayoutItem[];
}

export type LayoutItem =
  | { type: 'piece'; index: number; block: string; moduleId: string | null }
  | { type: 'text'; markdown: string }
  | { type: 'section'; section: LayoutSection };

/** One block for the template to render: its name, and the module it is about (an index into Layout.modules). */
export interface QueueEntry {
  block: string;
  module: number | null;
}

/** The clerk's text blocks, already made safe Markdown, by key and per module. */
export interface SafeTexts {
  top: Record<string, string>;
  modules: Map<string, Record<string, string>>;
}

export function layoutOf(outline: Outline, model: ReportModel, texts: SafeTexts): Layout {
  const queue: QueueEntry[] = [];
  const told = new Set<string>();
  const push = (entry: QueueEntry): number => queue.push(entry) - 1;
  const modules: OutlineModule[] = [];
  const variants = new Map<string, number>();
  const variant = (m: ModuleModel, withoutFunding: boolean, hostsSteeringGroup = m.hostsSteeringGroup): number => {
    const key = `${m.id}|${withoutFunding}|${hostsSteeringGroup}`;
    let index = variants.get(key);
    if (index === undefined) variants.set(key, (index = modules.push({ ...m, hostsSteeringGroup, withoutFunding }) - 1));
    return index;
  };
  const byId = new Map(model.modules.map((m) => [m.id, m]));

  const section = (data: OutlineSectionData, depth: number, module: ModuleModel | null): LayoutSection => {
    const items: LayoutItem[] = [];
    let steeringHere = false;
    for (const raw of data.body) {
      if (typeof raw === 'object' && 'body' in raw) {
        items.push(...sections(raw, depth + 1, module).map((s) => ({ type: 'section' as const, section: s })));
        continue;
      }
      const entry = parseOutlineEntry(raw);
      if (entry.type === 'unknown') continue; // validation has refused it
      if (entry.kinds && module && !entry.kinds.includes(module.kind)) continue;
      const target = entry.module !== undefined ? (byId.get(entry.module) ?? null) : module;
      if (entry.module !== undefined && target === null) continue; // a module with nothing to report at this Stand
      if (entry.type === 'text') {
        const onceKey = entry.key === 'steeringGroup' ? 'text.steeringGroup' : undefined;
        if (onceKey && !tellOnce(onceKey, target, 'hostsSteeringGroup')) continue;
        // A module's block (staff, work) is the target module's; the others are the report's, wherever they stand.
        const markdown = MODULE_KEYS.includes(entry.key) ? (target ? texts.modules.get(target.id)?.[entry.key] : undefined) : texts.top[entry.key];
        if (markdown) items.push({ type: 'text', markdown });
        continue;
      }
      const { block } = entry;
      if (block.toldOnce) {
        if (!tellOnce(block.name, target, block.toldOnce === 'steeringGroup' ? 'hostsSteeringGroup' : 'hostsCooperation')) continue;
        if (block.toldOnce === 'steeringGroup' && target) steeringHere = true;
      }
      if (block.scope === 'module' && !block.toldOnce && target === null) continue; // validation has refused it
      const index = push({ block: block.name, module: target ? variant(target, !entry.funding) : null });
      items.push({ type: 'piece', index, block: block.name, moduleId: target?.id ?? null });
    }
    const level = data.level ?? depth + 2;
    const moduleHeading = module && data.heading?.includes('{ueberschrift}') ? push({ block: 'ueberschrift', module: variant(module, false, steeringHere) }) : null;
    return { heading: data.heading ?? null, level, module, moduleHeading, items };
  };

  /** At a module's place, only the module that carries it (model: first strategic / case-management module); elsewhere the first place. */
  const tellOnce = (key: string, target: ModuleModel | null, host: 'hostsSteeringGroup' | 'hostsCooperation'): boolean => {
    if (told.has(key) || (target !== null && !target[host])) return false;
    told.add(key);
    return true;
  };

  const sections = (data: OutlineSectionData, depth: number, outer: ModuleModel | null): LayoutSection[] => {
    if (data.modules === undefined) return [section(data, depth, outer)];
    const covered = data.modules === 'all' ? model.modules : Array.isArray(data.modules) ? data.modules.flatMap((id) => byId.get(id) ?? []) : model.modules.filter((m) => m.kind === data.modules);
    return covered.map((m) => section(data, depth, m));
  };

  return { sections: outline.flatMap((s) => sections(s, 0, null)), queue, modules };
}
