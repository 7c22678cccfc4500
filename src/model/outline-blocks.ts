import type { OutlineBlock, OutlineSection } from './generated/report.js';
import { MODULE_TEXT_KEYS, TOP_TEXT_KEYS, type ModuleKind } from './types.js';

/** An outline as report.yaml and organisation.yaml give it (schemas: outline). */
export type Outline = OutlineSection[];
export type OutlineSectionData = OutlineSection;
export type OutlineBlockData = OutlineBlock;

/** Every heading of an outline as written, its subsections' included (the fact slots in them are filled by the report model). */
export function outlineHeadings(outline: Outline): string[] {
  const of = (s: OutlineSection): string[] => [
    ...(s.heading === undefined ? [] : [s.heading]),
    ...s.body.flatMap((entry) => (typeof entry === 'object' && 'body' in entry ? of(entry) : [])),
  ];
  return outline.flatMap(of);
}

/**
 * kim's fact blocks: the named pieces of a Vorlage that kim computes from the data and that an outline
 * (report.yaml or organisation.yaml `outline`) arranges, with the clerk's text blocks, in any order. The
 * names are German because the clerk writes them (like the slots `letzteSitzung`, `anlage`). Validation
 * checks outlines against this list, the renderer finds each block's partial here, and
 * docs/gliederung.md's reference is generated from it (scripts/generate-docs-outline.mjs).
 */
export interface FactBlock {
  name: string;
  /** `report`: once per Vorlage; `module`: about one module (inside a section per module, or `name:modul-id`). */
  scope: 'report' | 'module';
  /** The partial in templates/partials/ that renders it. */
  partial: string;
  /**
   * Told once although it may be placed in several places (kim's default outline places it in the module
   * sections and in a section of its own): in a section per module only at the module that carries it
   * (the steering group at the first strategic module, agreements and kick-offs at the first
   * case-management module), elsewhere at its first place in the outline.
   */
  toldOnce?: 'steeringGroup' | 'cooperation';
  /** Accepts `funding: false` (the funding left out of its sentence). */
  fundingOption?: boolean;
  /**
   * States the posts filled in the whole programme, which the author of a Vorlage on another body's
   * programme (programme.yaml owner: a town on its Kreis's) does not know: refused there (rules/local-posts.ts).
   */
  wholeStaff?: true;
  /** What it says, for the clerk (German; the reference in docs/gliederung.md). */
  description: string;
}

export const FACT_BLOCKS: readonly FactBlock[] = [
  { name: 'kopf', scope: 'report', partial: 'header', description: 'Der Kopf der Vorlage: Kreis, Amt, Briefkopfzeilen (organisation.yaml letterhead), Sitzungsteil, Beratungsfolge als Tabelle, Tagesordnungspunkt.' },
  {
    name: 'einleitung',
    scope: 'report',
    partial: 'preface',
    description:
      'Der allgemeine Einleitungssatz ("Hiermit wird über die Entwicklung … seit der letzten Ausschusssitzung am … informiert." bzw. in einer ersten Vorlage "Mit dieser Vorlage wird über den Stand der Implementierung … informiert."). Entfällt, wenn die Vorlage text.preface hat: der Text ersetzt ihn.',
  },
  { name: 'uebersicht', scope: 'report', partial: 'overview', wholeStaff: true, description: 'Die Tabelle "Stellen und Förderung": geplante, besetzte und offene Stellen und die Förderung je Modul, mit Gesamtzeile und Stand. Entfällt mit show.overview: false. Nicht in der Vorlage einer Stadt über das Programm ihres Kreises (programme.yaml owner): sie kennt nicht das ganze Personal des Kreises; dort steht vorOrt.' },
  {
    name: 'modulplaene',
    scope: 'report',
    partial: 'module-plans',
    description:
      'Die Module als eine Aufzählung ihrer Pläne, statt eines Abschnitts je Modul: je Modul ein Punkt mit Plan und Besetzung am Stand ("- Modul 1 (Strategisches kommunales Integrationsmanagement): geplant 3,5 VZÄ, besetzt 3,5 VZÄ"; mit den Teilen des Plans "(davon …)"; ohne Plan "noch kein Stellenumfang geplant", ohne Personal "noch nicht besetzt"). Nicht in kims Vorgabe.',
  },
  {
    name: 'stellenaenderungen',
    scope: 'module',
    partial: 'plan-changes',
    description:
      'Änderungen des geplanten Stellenumfangs im Berichtszeitraum, mit dem Beschluss, der sie trägt ("Mit Beschluss des Kreistages vom … wurde der Stellenumfang für das Modul 2 … von 12 auf 24 VZÄ erhöht."). In einer ersten Vorlage zuvor der Beschluss, der den ersten Plan des Moduls begründet hat, wenn programme.yaml ihn nennt (plannedFte[0].decision): "Mit Beschluss des Kreistages vom 24.06.2021 (Drucksache 088/21) wurde der Stellenumfang für das Modul 1 zum 01.07.2021 auf 3,5 VZÄ festgelegt."',
  },
  {
    name: 'besetzung',
    scope: 'module',
    partial: 'staffing',
    fundingOption: true,
    wholeStaff: true,
    description:
      'Der Satz zu Plan und Besetzung des Moduls. Strategische und sonstige Module: "Die für das Modul 1 einzurichtenden 3,5 VZÄ mit einer jährlichen Förderung von jeweils 55.000 €/VZÄ wurden bisher in folgendem Umfang besetzt: …" mit einem Satz je Einstellung. Case Management: in einer ersten Vorlage wer eingestellt ist, Plan mit Förderung, Besetzung und die betreuten Kommunen als Liste; in einer Folgevorlage "Bezugnehmend auf die Darstellung in der letzten Ausschusssitzung … haben sich folgende personelle Veränderungen ergeben." und wer damals eingestellt war (oder "… keine personellen Veränderungen ergeben. Eingestellt sind weiterhin …"). Mit funding: false ohne "mit einer jährlichen Förderung von …". Nicht in der Vorlage einer Stadt über das Programm ihres Kreises (programme.yaml owner): sie kennt nicht das ganze Personal des Kreises; dort steht vorOrt.',
  },
  {
    name: 'vorOrt',
    scope: 'module',
    partial: 'local-posts',
    description:
      'Nur in der Vorlage einer Stadt oder Gemeinde über das Programm ihres Kreises (programme.yaml owner, organisation.yaml body.municipality): der Plan als der des Trägers und die Stellen, die für die eigene Kommune tätig sind, nach Arbeitgebern ("Der Landkreis Talheim hat für das Modul II zwölf Vollzeitstellen geplant. Für die Stadt Wiesental sind davon 2,5 Vollzeitstellen besetzt, 1,5 Vollzeitstellen beim Landratsamt Talheim und eine Vollzeitstelle bei der Stadt selbst."). Steht dort statt besetzung.',
  },
  {
    name: 'einstellungen',
    scope: 'module',
    partial: 'hires',
    description:
      'Die Einstellungen seit der vorigen Vorlage, je Gruppe ein Satz ("Inzwischen wurden … eingestellt:") mit der nummerierten Liste der Kommunen. Nur in Folgevorlagen. Steht er direkt nach besetzung desselben Moduls, setzt sein erster Satz dessen Absatz fort.',
  },
  { name: 'wechsel', scope: 'module', partial: 'moves', description: 'Wer seit der vorigen Vorlage für andere Kommunen zuständig ist ("… ist seit dem … nur noch für … zuständig.").' },
  { name: 'stellenanteile', scope: 'module', partial: 'fte-changes', description: 'Wer seit der vorigen Vorlage mit einem anderen Stellenanteil arbeitet ("… arbeitet seit dem … mit 0,5 VZÄ (bisher 1 VZÄ).").' },
  { name: 'ausgeschieden', scope: 'module', partial: 'leavers', description: 'Wer seit der vorigen Vorlage ausgeschieden ist ("Zum … ist … ausgeschieden.").' },
  { name: 'eingestellt', scope: 'module', partial: 'in-post', wholeStaff: true, description: 'Wer zum Stand im Modul eingestellt ist ("Zum 01.03.2022 sind im Modul 2 … eingestellt."). Nicht in kims Vorgabe (dort steht es im Satz besetzung). Nicht in der Vorlage einer Stadt über das Programm ihres Kreises (programme.yaml owner): sie kennt nicht das ganze Personal des Kreises; dort steht vorOrt.' },
  {
    name: 'lenkungsgruppe',
    scope: 'module',
    partial: 'steering-group',
    toldOnce: 'steeringGroup',
    description:
      'Die Treffen der Lenkungsgruppe im Berichtszeitraum ("Die Lenkungsgruppe traf sich am … unter Vorsitz des Landrates zu ihrer konstituierenden Sitzung.", der Vorsitz aus programme.yaml steeringGroup.chair im ersten Satz); hat sie sich bis zum Stand noch nie getroffen, mit notMetYet: tell "Die Lenkungsgruppe hat sich noch nicht getroffen.". Wird einmal erzählt: in einem Abschnitt je Modul beim ersten strategischen Modul, sonst an der ersten Stelle, an der er steht. Darf deshalb mehrfach stehen.',
  },
  {
    name: 'kooperation',
    scope: 'module',
    partial: 'cooperation',
    toldOnce: 'cooperation',
    description:
      'Die Kooperationsvereinbarungen, mit dem Wort des Kreises (organisation.yaml agreementWord): mit den Kommunen ("Für die enge Verzahnung der Zusammenarbeit … wurden Kooperationsvereinbarungen geschlossen, seit der letzten Ausschusssitzung mit …"), mit Partnern je Tag und Beschluss ein Satz ("Auf Grundlage des Beschlusses des Kreistages vom … wurde am … ein Kooperations- und Weiterleitungsvertrag mit dem Caritasverband … für die Stadt A geschlossen."). Wird einmal erzählt: in einem Abschnitt je Modul beim ersten Case-Management-Modul, sonst an der ersten Stelle, an der er steht.',
  },
  {
    name: 'auftakt',
    scope: 'module',
    partial: 'kick-offs',
    toldOnce: 'cooperation',
    description: 'Die Auftaktveranstaltungen ("Am … fand in … die Auftaktveranstaltung mit Vertretungen aus … statt."). Wird einmal erzählt wie kooperation.',
  },
  { name: 'gremien', scope: 'module', partial: 'group-meetings', description: 'Die Treffen weiterer Gremien, die zu diesem Modul gehören (programme.yaml groups[].module), mit ihrem Vorsitz im ersten Satz (chair); ein Gremium ohne Treffen bis zum Stand mit notMetYet: tell ("Der Arbeitskreis … hat sich noch nicht getroffen.").' },
  {
    name: 'finanzielleAuswirkungen',
    scope: 'report',
    partial: 'financial-impact',
    description:
      'Der Satz zur jährlichen Förderung ("Für das Jahr 2022 sind 15,5 VZÄ geplant; bei einer Förderung von 55.000 €/VZÄ beträgt die jährliche Förderung …"). Nur mit show.financialImpact: true oder text.financialImpact, wie bisher.',
  },
  {
    name: 'berichterstattung',
    scope: 'report',
    partial: 'presenters',
    description:
      'Wer den Punkt in der Sitzung vorstellt (report.yaml presenters): "In der Sitzung berichtet Herr Dr. Max Beispiel, Leiter des Sozialamtes." Entfällt ohne presenters. Nur in diesem Satz darf eine öffentliche Vorlage den Namen einer beschäftigten Person nennen, die presenters mit staff nennt.',
  },
  { name: 'schlusszeile', scope: 'report', partial: 'closing', description: 'Die Zeile "Zur Sitzung des Ausschusses … am …".' },
  { name: 'zeichnung', scope: 'report', partial: 'signature', description: 'Die Schlusszeichnung: "Im Auftrag" und die Funktion in Klammern (report.yaml signature).' },
  { name: 'anlagen', scope: 'report', partial: 'attachments', description: 'Die Liste der Anlagen ("Anlage: …" oder "Anlagen:" mit Nummern).' },
  {
    name: 'diagramm',
    scope: 'report',
    partial: 'staffing-chart',
    description:
      'Das Diagramm der geplanten und besetzten Stellen je Modul vom ersten Plan bis zum Stand, als Stufenlinien. Im Markdown ein Bild (SVG-Datei neben der Vorlage), im PDF eine Grafik; der Alternativtext nennt die Zahlen ("Modul 1: geplant 3,5 VZÄ seit dem 01.01.2021, besetzt 3,5 VZÄ seit dem 10.01.2022."). Nur mit show.chart: true.',
  },
  {
    name: 'abdeckung',
    scope: 'report',
    partial: 'coverage',
    description:
      'Die Anlage "Case Management in den Kommunen": jede Kommune des Kreises mit den Case-Management-Stellen, die sie zum Stand betreuen, je Arbeitgeber; Kommunen ohne Stelle mit "—". Wird in der Liste der Anlagen mitgezählt. Nur mit show.coverage: true.',
  },
];

export const FACT_BLOCK_NAMES: readonly string[] = FACT_BLOCKS.map((b) => b.name);

export function factBlock(name: string): FactBlock | undefined {
  return FACT_BLOCKS.find((b) => b.name === name);
}

/** Text blocks of the report placed in an outline as `text.KEY`; module ones as `text.modules.ID.KEY` or, in a section per module, `text.KEY`. */
export const TEXT_PREFIX = 'text.';
/** The steering group's text block is told once, with the steering group (see FactBlock.toldOnce). */
export const TOLD_ONCE_TEXT: Record<string, 'steeringGroup'> = { steeringGroup: 'steeringGroup' };

/**
 * Placeholders of a section heading: `{ueberschrift:preface}` (organisation.yaml headings), in a section
 * per module `{ueberschrift}` (kim's heading for the module) and the module's `{wort}`, `{nummer}`,
 * `{bezeichnung}`, `{name}`, `{genitiv}`, by the name's genus `{ihrer}` (ihrer/seiner); anywhere `{lenkungsgruppe}` and `{kommunenDativ}`.
 */
export const HEADING_PLACEHOLDERS = {
  report: ['ueberschrift:resolution', 'ueberschrift:preface', 'ueberschrift:explanation', 'ueberschrift:financialImpact', 'lenkungsgruppe', 'kommunenDativ'],
  module: ['ueberschrift', 'wort', 'nummer', 'bezeichnung', 'name', 'genitiv', 'ihrer'],
} as const;

/** One parsed body entry of an outline. */
export type OutlineEntry =
  | { type: 'fact'; block: FactBlock; module: string | undefined; funding: boolean; kinds: ModuleKind[] | undefined }
  | { type: 'text'; key: string; module: string | undefined; kinds: ModuleKind[] | undefined }
  | { type: 'unknown'; written: string };

const TOP_KEYS: readonly string[] = TOP_TEXT_KEYS;
const MODULE_KEYS: readonly string[] = MODULE_TEXT_KEYS;

/**
 * `"besetzung"`, `"besetzung:modul-2"`, `"text.preface"`, `"text.modules.modul-2.work"`, `"text.staff"` (in a
 * section per module) or `{ block: besetzung, funding: false, kind: strategic }` → what it names. Unknown
 * names come back as `unknown`; rules say why.
 */
export function parseOutlineEntry(entry: string | OutlineBlock): OutlineEntry {
  const written = typeof entry === 'string' ? entry : entry.block;
  const kinds = typeof entry === 'string' || entry.kind === undefined ? undefined : Array.isArray(entry.kind) ? entry.kind : [entry.kind];
  const explicitModule = typeof entry === 'string' ? undefined : entry.module;
  if (written.startsWith(TEXT_PREFIX)) {
    const rest = written.slice(TEXT_PREFIX.length);
    const m = /^modules\.([a-z0-9][a-z0-9-]*)\.([a-zA-Z]+)$/.exec(rest);
    if (m && MODULE_KEYS.includes(m[2]!)) return { type: 'text', key: m[2]!, module: m[1]!, kinds };
    if (MODULE_KEYS.includes(rest)) return { type: 'text', key: rest, module: explicitModule, kinds };
    if (TOP_KEYS.includes(rest)) return { type: 'text', key: rest, module: undefined, kinds };
    return { type: 'unknown', written };
  }
  const [name = '', arg] = written.split(':');
  const block = factBlock(name);
  if (!block) return { type: 'unknown', written };
  return { type: 'fact', block, module: arg ?? explicitModule, funding: typeof entry === 'string' || entry.funding !== false, kinds };
}

/** Every name an outline entry may have, for "Meinten Sie …?". */
export function outlineEntryNames(): string[] {
  return [...FACT_BLOCK_NAMES, ...TOP_KEYS.map((k) => `${TEXT_PREFIX}${k}`), ...MODULE_KEYS.map((k) => `${TEXT_PREFIX}${k}`)];
}
