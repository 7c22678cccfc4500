/**
 * The registry of fact slots: every figure, date, list and name kim computes that a clerk may put into a
 * text block by name ("Im Baustein 1 sind {besetzt:modul-1} von {geplant:modul-1} besetzt."). One table,
 * read by three places: the report model fills the slots (clerkTextFiller), validation refuses the ones it
 * cannot fill (text-blocks.ts), and scripts/generate-slot-docs.mjs writes docs/platzhalter.md from it.
 * Names are German, like `{letzteSitzung}`: the clerk writes them.
 */
import { countedNoun, PERSON, formatAmount, formatDate, formatQuantity, joinList, municipalityPhrase, type CountableNoun, type UnitWords } from '../german/index.js';
import { indexOf } from './dataset-index.js';
import { inPostOn, yearOf } from './dates.js';
import { fundingRateFor, planOn } from './fte.js';
import type { ModuleModel } from './module-model.js';
import { assignmentsOn } from './module-model.js';
import { fillSlots, findSlots } from './slots.js';
import { DEFAULT_MUNICIPALITY_WORD } from './terms.js';
import type { Dataset, IsoDate, Municipality, ProgrammeModule, Report } from './types.js';

/**
 * What a slot takes after its colon: nothing (`{stand}`), a module id (`{modul:modul-1}`), a module id or
 * nothing for the whole programme (`{geplant:modul-1}`, `{geplant}`), or an attachment id (`{anlage:…}`).
 */
export type SlotArgument = 'none' | 'module' | 'moduleOrNone' | 'attachment';

/** A session as slots name it (a part of the report model's SessionModel; no import of it: report-model.ts imports this file). */
export interface SessionFacts {
  date: IsoDate;
  committee: string;
  /** "Ausschusssitzung", "Sitzung des Kreistages". */
  sessionName: string;
}

/** The facts a slot's value is taken from: parts of the report model, computed once per report. */
export interface SlotFacts {
  stand: IsoDate;
  /** The report's session, and the previous report's (null for a first report), as the report model has them. */
  session: SessionFacts;
  previous: { session: SessionFacts } | null;
  /** The previous report's Drucksachennummer, or empty. */
  previousReference: string;
  /** The report model's totals over its modules (null: no module has a plan). */
  totals: { plannedFte: number | null; filledFte: number; openFte: number | null; plannedFunding: number | null };
  fundingRate: number;
  fundingYear: number;
  unit: UnitWords;
  municipalityNoun: CountableNoun;
  /** Every module of the programme, also those the Vorlage leaves out (nothing to report). */
  modules: readonly ModuleModel[];
  /** Municipalities served at the Stand ("Stadt Königswinter") by a module's staff, or by all for undefined. */
  served(moduleId: string | undefined): readonly string[];
  agreements: number;
  /** The Kreis's word for its agreements (organisation.yaml agreementWord). */
  agreementNoun: CountableNoun;
  /** Steering-group meetings of the report's period; null when the programme has no steering group. */
  steeringGroupMeetings: number | null;
  attachments: readonly { id: string; number: number }[];
  /** The programme's owner when the author is another body (programme.yaml owner), else null. */
  owner: string | null;
  /** With an owner: all posts serving the author's municipality (the modules' own: ModuleModel.local). */
  local: { fte: number; byEmployer: string } | null;
}

/** What decides whether a slot has a value: the data and the report, read before any model is built (validation). */
export interface SlotScope {
  data: Dataset;
  report: Report;
  previous: Report | undefined;
}

export interface FactSlot {
  name: string;
  argument: SlotArgument;
  /** What the slot stands for, in German (docs/platzhalter.md). */
  description: string;
  /** A sentence with the slot and what kim makes of it for the example data's Vorlage of 16.03.2022 (a test checks it). */
  example: { text: string; filled: string };
  /** Where the example holds when the example data have no value for the slot (docs/platzhalter.md names it; a test checks it). */
  exampleFrom?: string;
  /**
   * The value, in the Vorlage's German; `module` is the argument's module (moduleOrNone: undefined for all).
   * Validation has refused the slot where it has no value, except where it cannot tell: beside a report file
   * with errors, "no previous report" may be wrong (text-blocks.ts). There a slot that names the previous
   * report is empty, as before the registry, rather than an internal error.
   */
  value(facts: SlotFacts, module: ModuleModel | undefined, arg: string | undefined): string;
  /** When the slot has no value; absent: it always has one. */
  noValue?: {
    /** In general, for docs/platzhalter.md: "in einer ersten Vorlage (ohne vorige)". */
    when: string;
    /**
     * Why it has no value in this report, and what would have one (German, completes "{slot} hat in
     * dieser Vorlage keinen Wert: …"), or undefined when it has one.
     */
    why(scope: SlotScope, module: ProgrammeModule | undefined): string | undefined;
  };
  /** Whether it has no value in a first report (it names or counts something since the previous one). */
  needsPrevious?: true;
}

const MEETING: CountableNoun = { singular: 'Sitzung', plural: 'Sitzungen', genus: 'feminine' };

/** Sums over the argument's module, or over every module for the slot without argument. */
const over = (facts: SlotFacts, module: ModuleModel | undefined, count: (m: ModuleModel) => number): number =>
  (module ? [module] : facts.modules).reduce((n, m) => n + count(m), 0);

/** A module without a plan at the Stand has no planned, open or funded posts; the message names those that have one. */
const noPlan = (scope: SlotScope, module: ProgrammeModule | undefined): string | undefined => {
  const { stand } = scope.report;
  const withPlan = scope.data.programme.modules.filter((m) => planOn(m, stand)).map((m) => m.id);
  if (!module) return withPlan.length > 0 ? undefined : `kein Modul hat am ${formatDate(stand)} einen Plan (plannedFte in programme.yaml)`;
  if (withPlan.includes(module.id)) return undefined;
  const valid = withPlan.length > 0 ? `einen Plan haben ${joinList(withPlan)}` : 'kein Modul hat einen Plan';
  return `das Modul "${module.id}" hat am ${formatDate(stand)} noch keinen Plan (plannedFte in programme.yaml); ${valid}`;
};
const PLAN_NEEDED = { when: 'wenn das Modul am Stand noch keinen Plan hat (ohne Modul: wenn keines einen hat)', why: noPlan };
const noRate = (scope: SlotScope): string | undefined => {
  const year = yearOf(scope.report.stand);
  return fundingRateFor(scope.data.programme, year) === undefined ? `programme.yaml nennt keinen Fördersatz für ${year} (fundingRates)` : undefined;
};
const NO_PREVIOUS = 'diese Vorlage hat keine vorige (erste Vorlage)';
const firstReport = (what: string) => (scope: SlotScope): string | undefined => (scope.previous ? undefined : `${what}, aber ${NO_PREVIOUS}`);

/**
 * A Vorlage on another body's programme (programme.yaml owner) knows the owner's plan, not its whole staff:
 * no filled or open posts of the programme, only those serving the author's municipality ({vorOrt}).
 */
const ownStaffOnly = (scope: SlotScope): string | undefined =>
  scope.data.programme.owner
    ? `die Vorlage berichtet über das Programm ${scope.data.programme.owner.genitive} (programme.yaml owner) und kennt nur dessen Personal, das für die eigene Kommune tätig ist; erwartet wird {vorOrt} oder {vorOrt:MODUL}`
    : undefined;
const OWN_STAFF_ONLY = 'in der Vorlage einer Stadt über das Programm ihres Kreises (programme.yaml owner): sie kennt nicht das ganze Personal des Kreises';
/** The slots of the posts serving the author's municipality have a value only where there is such an author. */
const noOwner = (scope: SlotScope): string | undefined =>
  scope.data.programme.owner
    ? undefined
    : 'er gilt nur in der Vorlage einer Stadt oder Gemeinde über das Programm eines anderen Trägers (programme.yaml owner, organisation.yaml body.municipality); hier ist der Verfasser selbst der Träger, erwartet wird {besetzt} oder {besetzt:MODUL}';
const OWNER_NEEDED = { when: 'wenn programme.yaml keinen Träger nennt (owner): die Vorlage ist die des Trägers selbst', why: noOwner };
const localOf = (facts: SlotFacts, module: ModuleModel | undefined): { fte: number; byEmployer: string } => (module ? module.local! : facts.local!);

/** The registry. Order is the order of docs/platzhalter.md and of the list in error messages. */
export const FACT_SLOTS: readonly FactSlot[] = [
  {
    name: 'anlage',
    argument: 'attachment',
    description: 'Verweis auf eine Anlage dieser Vorlage (attachments, Kennung id): ihre Nummer.',
    example: { text: 'als {anlage:geschaeftsordnung} beigefügt', filled: 'als Anlage 1 beigefügt' },
    value: (facts, _m, arg) => `Anlage ${facts.attachments.find((a) => a.id === arg)!.number}`,
  },
  {
    name: 'letzteSitzung',
    argument: 'none',
    description: 'Das Datum der Sitzung der vorigen Vorlage.',
    example: { text: 'Seit der Sitzung am {letzteSitzung}', filled: 'Seit der Sitzung am 16.11.2021' },
    value: (facts) => (facts.previous ? formatDate(facts.previous.session.date) : ''),
    noValue: {
      when: 'in einer ersten Vorlage (ohne vorige)',
      why: firstReport('er nennt die Sitzung der vorigen Vorlage'),
    },
    needsPrevious: true,
  },
  {
    name: 'letzteVorlage',
    argument: 'none',
    description: 'Die Drucksachennummer der vorigen Vorlage (reference in ihrer Datei).',
    example: { text: 'Auf die Vorlage {letzteVorlage} wird verwiesen.', filled: 'Auf die Vorlage 245/21 wird verwiesen.' },
    value: (facts) => facts.previousReference,
    noValue: {
      when: 'in einer ersten Vorlage, oder wenn die vorige Vorlage keine Drucksachennummer (reference) hat',
      why: (scope) =>
        scope.previous === undefined
          ? `er nennt die Drucksachennummer der vorigen Vorlage, aber ${NO_PREVIOUS}`
          : scope.previous.reference === undefined
            ? `die vorige Vorlage "${scope.previous.id}" hat keine Drucksachennummer; erwartet wird reference in ihrer Datei oder die Nummer im Text`
            : undefined,
    },
    needsPrevious: true,
  },
  {
    name: 'sitzung',
    argument: 'none',
    description: 'Das Datum der Sitzung, für die die Vorlage geschrieben ist (erste Beratung).',
    example: { text: 'in der Sitzung am {sitzung}', filled: 'in der Sitzung am 16.03.2022' },
    value: (facts) => formatDate(facts.session.date),
  },
  {
    name: 'stand',
    argument: 'none',
    description: 'Der Datenstand der Vorlage (stand).',
    example: { text: 'Stand: {stand}', filled: 'Stand: 01.03.2022' },
    value: (facts) => formatDate(facts.stand),
  },
  {
    name: 'letztesGremium',
    argument: 'none',
    description: 'Das Gremium, in dem die vorige Vorlage beraten wurde.',
    example: { text: 'wie dem {letztesGremium} berichtet', filled: 'wie dem Ausschuss für Soziales und Integration berichtet' },
    value: (facts) => facts.previous?.session.committee ?? '',
    noValue: {
      when: 'in einer ersten Vorlage (ohne vorige)',
      why: firstReport('er nennt das Gremium der vorigen Vorlage'),
    },
    needsPrevious: true,
  },
  {
    name: 'letzteSitzungName',
    argument: 'none',
    description: 'Wie der Text die Sitzung der vorigen Vorlage nennt: „Ausschusssitzung“ bei einem Ausschuss, sonst „Sitzung des …“ (organisation.yaml committees, sessionName).',
    example: { text: 'seit der {letzteSitzungName} am {letzteSitzung}', filled: 'seit der Ausschusssitzung am 16.11.2021' },
    value: (facts) => facts.previous?.session.sessionName ?? '',
    noValue: { when: 'in einer ersten Vorlage (ohne vorige)', why: firstReport('er nennt die Sitzung der vorigen Vorlage') },
    needsPrevious: true,
  },
  {
    name: 'gremium',
    argument: 'none',
    description: 'Das Gremium dieser Sitzung (organisation.yaml committees, name).',
    example: { text: 'Der {gremium} wird gebeten …', filled: 'Der Ausschuss für Soziales und Integration wird gebeten …' },
    value: (facts) => facts.session.committee,
  },
  {
    name: 'sitzungName',
    argument: 'none',
    description: 'Wie der Text die Sitzung dieser Vorlage nennt: „Ausschusssitzung“ bei einem Ausschuss, sonst „Sitzung des …“ (organisation.yaml committees, sessionName).',
    example: { text: 'in der {sitzungName} am {sitzung}', filled: 'in der Ausschusssitzung am 16.03.2022' },
    value: (facts) => facts.session.sessionName,
  },
  {
    name: 'modul',
    argument: 'module',
    description: 'Die Bezeichnung des Moduls mit seiner Nummer, in den Worten des Programms (programme.yaml terms).',
    example: { text: 'Im {modul:modul-2} …', filled: 'Im Modul 2 …' },
    value: (_facts, m) => m!.label,
  },
  {
    name: 'modulname',
    argument: 'module',
    description: 'Der Name des Moduls (programme.yaml modules, name).',
    example: { text: '{modul:modul-2} ({modulname:modul-2})', filled: 'Modul 2 (Case-Management)' },
    value: (_facts, m) => m!.name,
  },
  {
    name: 'geplant',
    argument: 'moduleOrNone',
    description: 'Geplante Stellen am Stand (der Plan in Kraft), mit der Einheit des Programms; ohne Modul: alle Module zusammen.',
    example: { text: 'Geplant sind {geplant:modul-1}, insgesamt {geplant}.', filled: 'Geplant sind 3,5 VZÄ, insgesamt 15,5 VZÄ.' },
    value: (facts, m) => formatQuantity(m ? m.plannedFte! : facts.totals.plannedFte!, facts.unit),
    noValue: PLAN_NEEDED,
  },
  {
    name: 'besetzt',
    argument: 'moduleOrNone',
    description: 'Besetzte Stellen am Stand (die Stellenanteile des Personals im Dienst); ohne Modul: alle Module zusammen.',
    example: { text: 'Im Modul 1 sind {besetzt:modul-1} von {geplant:modul-1} besetzt.', filled: 'Im Modul 1 sind 3,5 VZÄ von 3,5 VZÄ besetzt.' },
    value: (facts, m) => formatQuantity(m ? m.filledFte : facts.totals.filledFte, facts.unit),
    noValue: { when: OWN_STAFF_ONLY, why: ownStaffOnly },
  },
  {
    name: 'offen',
    argument: 'moduleOrNone',
    description: 'Noch offene Stellen am Stand: geplant minus besetzt, nie unter null; ohne Modul: alle Module zusammen.',
    example: { text: 'Offen sind noch {offen}.', filled: 'Offen sind noch 0 VZÄ.' },
    value: (facts, m) => formatQuantity(m ? m.openFte! : facts.totals.openFte!, facts.unit),
    noValue: { when: `${PLAN_NEEDED.when}; ${OWN_STAFF_ONLY}`, why: (scope, module) => ownStaffOnly(scope) ?? noPlan(scope, module) },
  },
  {
    name: 'foerderung',
    argument: 'moduleOrNone',
    description: 'Die Förderung der geplanten Stellen im Jahr des Stands (geplant mal Fördersatz); ohne Modul: alle Module zusammen.',
    example: { text: 'Gefördert werden {foerderung}.', filled: 'Gefördert werden 852.500 €.' },
    value: (facts, m) => formatAmount(m ? m.plannedFunding! : facts.totals.plannedFunding!),
    noValue: {
      when: 'wenn das Modul am Stand noch keinen Plan hat (ohne Modul: wenn keines einen hat) oder programme.yaml für das Jahr keinen Fördersatz nennt',
      why: (scope, module) => noPlan(scope, module) ?? noRate(scope),
    },
  },
  {
    name: 'foerdersatz',
    argument: 'none',
    description: 'Die Förderung je Stelle und Jahr im Jahr des Stands (programme.yaml fundingRates).',
    example: { text: 'je Stelle {foerdersatz}', filled: 'je Stelle 55.000 €' },
    value: (facts) => formatAmount(facts.fundingRate),
    noValue: {
      when: 'wenn programme.yaml für das Jahr des Stands keinen Fördersatz nennt (fundingRates)',
      why: noRate,
    },
  },
  {
    name: 'foerderjahr',
    argument: 'none',
    description: 'Das Jahr des Stands, für das der Fördersatz gilt.',
    example: { text: 'im Jahr {foerderjahr}', filled: 'im Jahr 2022' },
    value: (facts) => String(facts.fundingYear),
  },
  {
    name: 'eingestellt',
    argument: 'moduleOrNone',
    description: 'Wie viele Personen seit dem Stand der vorigen Vorlage eingestellt wurden und noch im Dienst sind; ohne Modul: alle Module zusammen.',
    example: { text: 'Seitdem wurden {eingestellt:modul-2} eingestellt.', filled: 'Seitdem wurden neun Personen eingestellt.' },
    value: (facts, m) => countedNoun(over(facts, m, (x) => x.hires.reduce((n, g) => n + g.count, 0)), PERSON),
    noValue: {
      when: 'in einer ersten Vorlage (ohne vorige)',
      why: firstReport('er zählt die Einstellungen seit der vorigen Vorlage'),
    },
    needsPrevious: true,
  },
  {
    name: 'ausgeschieden',
    argument: 'moduleOrNone',
    description: 'Wie viele Personen seit dem Stand der vorigen Vorlage ausgeschieden sind; ohne Modul: alle Module zusammen.',
    example: { text: 'Ausgeschieden sind {ausgeschieden}.', filled: 'Ausgeschieden sind keine Personen.' },
    value: (facts, m) => countedNoun(over(facts, m, (x) => x.leavers.reduce((n, l) => n + l.count, 0)), PERSON),
    noValue: {
      when: 'in einer ersten Vorlage (ohne vorige)',
      why: firstReport('er zählt das Ausscheiden seit der vorigen Vorlage'),
    },
    needsPrevious: true,
  },
  {
    name: 'kommunen',
    argument: 'moduleOrNone',
    description: 'Die Kommunen (oder Stadtteile, organisation.yaml municipalityWord), für die am Stand Personal des Moduls zuständig ist, als Aufzählung in der Reihenfolge von organisation.yaml; ohne Modul: aller Module.',
    example: { text: 'Zuständig für: {kommunen:modul-1}.', filled: 'Zuständig für: Stadt Troisdorf.' },
    value: (facts, m) => joinList(facts.served(m?.id)),
    noValue: {
      when: 'wenn am Stand niemand des Moduls (ohne Modul: niemand) einer Kommune zugeordnet ist',
      why: (scope, module) => {
        const { data, report } = scope;
        if (servedMunicipalities(data, module?.id, report.stand).length > 0) return undefined;
        const serving = data.programme.modules.filter((m) => servedMunicipalities(data, m.id, report.stand).length > 0).map((m) => m.id);
        const where = module ? ` im Modul "${module.id}"` : '';
        return `am ${formatDate(report.stand)} ist${where} niemand einer Kommune zugeordnet (assignments.yaml)${serving.length > 0 ? `; zugeordnet ist Personal in ${joinList(serving)}` : ''}`;
      },
    },
  },
  {
    name: 'anzahlKommunen',
    argument: 'moduleOrNone',
    description: 'Wie viele Kommunen (oder Stadtteile) am Stand betreut werden, mit dem Wort aus organisation.yaml municipalityWord; ohne Modul: aller Module.',
    example: { text: 'Betreut werden {anzahlKommunen}, davon {anzahlKommunen:modul-1} im Modul 1.', filled: 'Betreut werden 16 Kommunen, davon eine Kommune im Modul 1.' },
    value: (facts, m) => countedNoun(facts.served(m?.id).length, facts.municipalityNoun),
  },
  {
    name: 'vereinbarungen',
    argument: 'none',
    description: 'Wie viele Kooperationsvereinbarungen bis zum Stand geschlossen wurden (meetings.yaml cooperationAgreements, auch ungenannte), mit dem Wort des Kreises (organisation.yaml agreementWord).',
    example: { text: 'Bisher wurden {vereinbarungen} geschlossen.', filled: 'Bisher wurden 15 Kooperationsvereinbarungen geschlossen.' },
    value: (facts) => countedNoun(facts.agreements, facts.agreementNoun),
  },
  {
    name: 'lenkungsgruppensitzungen',
    argument: 'none',
    description: 'Wie viele Sitzungen der Lenkungsgruppe (programme.yaml steeringGroup) im Berichtszeitraum stattfanden: seit dem Stand der vorigen Vorlage, in einer ersten Vorlage bis zum Stand.',
    example: { text: 'Seitdem fanden {lenkungsgruppensitzungen} der Lenkungsgruppe statt.', filled: 'Seitdem fanden zwei Sitzungen der Lenkungsgruppe statt.' },
    value: (facts) => countedNoun(facts.steeringGroupMeetings!, MEETING),
    noValue: {
      when: 'wenn programme.yaml keine Lenkungsgruppe nennt (steeringGroup)',
      why: (scope) => (scope.data.programme.steeringGroup ? undefined : 'programme.yaml nennt keine Lenkungsgruppe (steeringGroup)'),
    },
  },
  {
    name: 'traeger',
    exampleFrom: 'Testfall test/fixtures/stadt-wiesental, Vorlage vom 17.05.2022',
    argument: 'none',
    description: 'Der Träger des Programms, wenn die Vorlage von einer Stadt oder Gemeinde über das Programm ihres Kreises stammt (programme.yaml owner, name).',
    example: { text: 'Der {traeger} hat die Stellen beantragt.', filled: 'Der Landkreis Talheim hat die Stellen beantragt.' },
    value: (facts) => facts.owner!,
    noValue: OWNER_NEEDED,
  },
  {
    name: 'vorOrt',
    exampleFrom: 'Testfall test/fixtures/stadt-wiesental, Vorlage vom 17.05.2022',
    argument: 'moduleOrNone',
    description: 'In der Vorlage einer Stadt oder Gemeinde über das Programm ihres Kreises: die Stellen, die am Stand für die eigene Kommune (organisation.yaml body.municipality) tätig sind, aus assignments.yaml; ohne Modul: alle Module zusammen.',
    example: { text: 'Für die Stadt sind {vorOrt} tätig.', filled: 'Für die Stadt sind drei Vollzeitstellen tätig.' },
    value: (facts, m) => formatQuantity(localOf(facts, m).fte, facts.unit),
    noValue: OWNER_NEEDED,
  },
  {
    name: 'vorOrtJeArbeitgeber',
    exampleFrom: 'Testfall test/fixtures/stadt-wiesental, Vorlage vom 17.05.2022',
    argument: 'moduleOrNone',
    description: 'Dieselben Stellen nach Arbeitgebern, mit deren Wendung at aus organisation.yaml employers; ohne solche Stellen die Zahl 0 mit der Einheit.',
    example: { text: 'Davon sind {vorOrtJeArbeitgeber:modul-2} besetzt.', filled: 'Davon sind 1,5 Vollzeitstellen beim Landratsamt Talheim und eine Vollzeitstelle bei der Stadt selbst besetzt.' },
    value: (facts, m) => localOf(facts, m).byEmployer || formatQuantity(0, facts.unit),
    noValue: OWNER_NEEDED,
  },
];

/** Every slot as the clerk writes it, for the list of valid slots in messages. */
export const SLOT_LIST = FACT_SLOTS.flatMap((s) => slotForms(s)).join(', ');

const BY_NAME = new Map(FACT_SLOTS.map((s) => [s.name, s]));

export function factSlot(name: string): FactSlot | undefined {
  return BY_NAME.get(name);
}

/** A slot as a clerk writes it, for messages and docs: `{geplant:MODUL}`, `{stand}`, `{geplant}`. */
export function slotForms(slot: FactSlot): string[] {
  if (slot.argument === 'none') return [`{${slot.name}}`];
  if (slot.argument === 'attachment') return [`{${slot.name}:KENNUNG}`];
  if (slot.argument === 'module') return [`{${slot.name}:MODUL}`];
  return [`{${slot.name}}`, `{${slot.name}:MODUL}`];
}

/**
 * The municipalities someone of the module (or of any module) is assigned to at the Stand, each once, in the
 * order of organisation.yaml.
 */
export function servedMunicipalities(data: Dataset, moduleId: string | undefined, stand: IsoDate): Municipality[] {
  const index = indexOf(data);
  const staff = moduleId === undefined ? data.staff : (index.staffByModule.get(moduleId) ?? []);
  const ids = new Set(staff.filter((s) => inPostOn(s, stand)).flatMap((s) => assignmentsOn(index, s, stand).flatMap((a) => a.municipalities)));
  return data.organisation.municipalities.filter((m) => ids.has(m.id));
}

/**
 * SlotFacts.served: the municipalities as a list names them ("Stadt Königswinter"), worked out only for a
 * text that asks (kim build models hundreds of reports, most without such a slot).
 */
export function servedLookup(data: Dataset, stand: IsoDate): SlotFacts['served'] {
  const known = new Map<string, string[]>();
  return (moduleId) => {
    const key = moduleId ?? '';
    if (!known.has(key)) known.set(key, servedMunicipalities(data, moduleId, stand).map((m) => municipalityPhrase(m, 'bare')));
    return known.get(key)!;
  };
}

export function municipalityNounOf(data: Dataset): CountableNoun {
  const { singular, plural, genus } = data.organisation.municipalityWord ?? DEFAULT_MUNICIPALITY_WORD;
  return { singular, plural, genus };
}

/**
 * The one function that fills a clerk's text (a text block, and any other string the clerk writes into a
 * Vorlage, such as a heading): every slot replaced by its value. Validation has refused every slot this
 * cannot fill (text-blocks.ts), so an unknown one here is a bug, not a data error.
 */
export function clerkTextFiller(facts: SlotFacts): (text: string | undefined) => string {
  // Keyed also by undefined (never set): a slot without argument finds no module. An attachment's id finds
  // none either, or one whose value the attachment slot does not read.
  const modules = new Map<string | undefined, ModuleModel>(facts.modules.map((m) => [m.id, m]));
  return (text) =>
    text === undefined
      ? ''
      : fillSlots(text, (name, arg) => {
          const slot = BY_NAME.get(name);
          if (!slot) throw new Error(`Platzhalter {${name}} ist nicht geprüft worden`);
          return slot.value(facts, modules.get(arg), arg);
        });
}

/**
 * The fact slots in outline headings, each as written ("{besetzt:modul-2}") with its value from `fill`. A
 * heading's own placeholders ({bezeichnung}, {ueberschrift:preface}) are no fact slots: the two sets of names
 * are kept apart (a test checks it), and the renderer fills a heading's own first.
 */
export function headingSlotValues(headings: readonly string[], fill: (text: string) => string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const use of headings.flatMap((h) => findSlots(h))) {
    if (!BY_NAME.has(use.name)) continue;
    const written = `{${use.name}${use.arg === undefined ? '' : `:${use.arg}`}}`;
    values[written] ??= fill(written);
  }
  return values;
}
