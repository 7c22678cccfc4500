// docs/platzhalter.md, the clerk's reference of every slot, generated from the registry
// (src/model/fact-slots.ts, built to dist/), so a new slot cannot go undocumented:
// test/report/slot-docs.test.ts fails when the file and the registry differ.
//   node scripts/generate-slot-docs.mjs          writes docs/platzhalter.md (after npm run build)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SLOT_DOCS_FILE = join(root, 'docs', 'platzhalter.md');

const ARGUMENT = {
  none: 'ohne Kennung',
  module: 'mit der Kennung eines Moduls (Pflicht)',
  moduleOrNone: 'mit der Kennung eines Moduls, oder ohne für alle Module zusammen',
  attachment: 'mit der Kennung einer Anlage dieser Vorlage',
};

const INTRO = `<!-- Erzeugt von scripts/generate-slot-docs.mjs aus src/model/fact-slots.ts: nicht von Hand ändern. -->
# Platzhalter in Textbausteinen

In den Textbausteinen einer Vorlage (\`text\` in der Datei unter \`reports/\`: \`preface\`, \`resolution\`,
\`steeringGroup\`, \`financialImpact\`, \`closing\` und \`modules.<Modul>.staff\` / \`.work\`) setzt kim
für einen Platzhalter in geschweiften Klammern ein, was es aus den Daten weiß. So bleibt ein Satz richtig,
wenn sich die Daten ändern oder \`kim next\` den Text in die nächste Vorlage übernimmt:

    modules:
      modul-1:
        staff: >-
          Im {modul:modul-1} sind {besetzt:modul-1} von {geplant:modul-1} besetzt.

wird zu „Im Modul 1 sind 3,5 VZÄ von 3,5 VZÄ besetzt.“

## Schreibweise

- Der Name steht ohne Leerzeichen in einfachen geschweiften Klammern: \`{stand}\`. Doppelte Klammern
  (\`{{stand}}\`) sind die Schreibweise der Vorlagenmuster, nicht der Daten, und werden abgelehnt.
- Manche Platzhalter nehmen nach einem Doppelpunkt die Kennung eines Moduls (\`id\` in programme.yaml,
  z. B. \`{geplant:modul-1}\`) oder einer Anlage (\`{anlage:geschaeftsordnung}\`). Platzhalter für Stellen,
  Förderung, Personal und Kommunen gelten ohne Kennung für alle Module zusammen (\`{geplant}\`).
- Platzhalter gelten nur in Textbausteinen (und \`{date}\`, \`{who}\` … in den Sätzen der Rollen in
  programme.yaml). In einem Titel oder einem anderen Feld kämen sie unverändert in die Vorlage; kim meldet das.

## Wie kim die Werte schreibt

- Stellen mit der Einheit des Programms (programme.yaml \`terms.unit\`): „3,5 VZÄ“; bei einer Einheit ohne
  Abkürzung Einzahl bis einschließlich einer Stelle, sonst Mehrzahl: „0,5 Stelle“, „1 Stelle“,
  „3,5 Stellen“, „0 Stellen“ – wie in kims eigenen Sätzen. Stellen stehen immer als Ziffern.
- Anzahlen mit ihrem Wort, bis zwölf als Zahlwort: „eine Person“, „zwei Personen“, „13 Personen“, „keine
  Personen“. Das Wort steht im Nominativ („eine Sitzung“); der Satz um den Platzhalter muss dazu passen.
- Beträge mit Tausenderpunkt und Euro-Zeichen: „55.000 €“. Daten: „16.03.2022“. Aufzählungen: „A, B und C“.

## Fehlermeldungen

\`kim validate\` und \`kim report\` melden jeden Platzhalter, den kim nicht füllen kann, mit Datei, Zeile
und Spalte des Platzhalters im Textbaustein: einen unbekannten Namen (mit „Meinten Sie …?“ und der Liste
aller Platzhalter), eine unbekannte Modulkennung (mit den Kennungen aus programme.yaml), eine fehlende oder
überzählige Kennung, und einen Platzhalter, der in dieser Vorlage keinen Wert hat (etwa \`{letzteSitzung}\`
in einer ersten Vorlage oder \`{geplant:modul-3}\`, solange Modul 3 keinen Plan hat), mit dem Grund.

## Alle Platzhalter

Die Beispiele sind Sätze in einem Textbaustein und was kim daraus für die Beispieldaten (data/, Vorlage vom
16.03.2022) macht; für \`{letzteVorlage}\` hat die vorige Vorlage dort die Drucksachennummer 245/21. Die
Platzhalter für die Vorlage einer Stadt über das Programm ihres Kreises haben dort keinen Wert; ihre
Beispiele stammen aus dem Testfall, den sie nennen.
`;

const FOOTER = `
## Für Entwickler (English)

The slots live in one table, \`FACT_SLOTS\` in src/model/fact-slots.ts: name, argument, German description
and example, the value function over the report model's facts, and when there is no value (\`noValue\`:
\`when\` for this page, \`why\` for the located error of src/validate/rules/text-blocks.ts). A new slot is a
new entry; then run \`npm run build && node scripts/generate-slot-docs.mjs\`. Tests insist on a case per slot
that changes one fact (test/report/fact-slots.test.ts), on each example being what kim prints, and on this
page being current.
`;

const forms = (slot) => {
  if (slot.argument === 'none') return [`{${slot.name}}`];
  if (slot.argument === 'attachment') return [`{${slot.name}:KENNUNG}`];
  if (slot.argument === 'module') return [`{${slot.name}:MODUL}`];
  return [`{${slot.name}}`, `{${slot.name}:MODUL}`];
};

/** The page for a registry: pure, so a test can compare it with the file. */
export function slotDocs(slots) {
  const sections = slots.map((slot) =>
    [
      `### ${forms(slot).map((f) => `\`${f}\``).join(', ')}`,
      '',
      slot.description,
      '',
      `- Kennung: ${ARGUMENT[slot.argument]}.`,
      `- Beispiel: \`${slot.example.text}\` → „${slot.example.filled}“${slot.exampleFrom ? ` (${slot.exampleFrom})` : ''}`,
      slot.noValue ? `- Kein Wert: ${slot.noValue.when}.` : '- Hat in jeder Vorlage einen Wert.',
      '',
    ].join('\n'),
  );
  return `${INTRO}\n${sections.join('\n')}${FOOTER}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { FACT_SLOTS } = await import(pathToFileURL(join(root, 'dist', 'src', 'model', 'fact-slots.js')).href);
  writeFileSync(SLOT_DOCS_FILE, slotDocs(FACT_SLOTS));
  console.log(`${SLOT_DOCS_FILE}: ${FACT_SLOTS.length} Platzhalter`);
}
