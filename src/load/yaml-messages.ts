/** German wording for the yaml library's error codes; the clerk should never see the English original alone. */
const MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'Tabulatorzeichen dürfen in YAML nicht einrücken; bitte Leerzeichen verwenden.',
  DUPLICATE_KEY: 'Dieser Schlüssel kommt in derselben Zuordnung doppelt vor; jeder Schlüssel darf nur einmal stehen.',
  BAD_INDENT: 'Die Einrückung stimmt nicht: Einträge derselben Ebene müssen gleich weit eingerückt sein.',
  MISSING_CHAR: 'Hier fehlt ein Zeichen (etwa ein schließendes Anführungszeichen oder eine Klammer).',
  BLOCK_AS_IMPLICIT_KEY: 'Ein Schlüssel darf nicht über mehrere Zeilen gehen; fehlt ein Doppelpunkt oder eine Einrückung?',
  MULTILINE_IMPLICIT_KEY: 'Ein Schlüssel darf nicht über mehrere Zeilen gehen; fehlt ein Doppelpunkt oder eine Einrückung?',
  UNEXPECTED_TOKEN: 'Unerwartetes Zeichen an dieser Stelle; erwartet wird "schlüssel: wert" oder "- eintrag".',
  BAD_SCALAR_START: 'Ein Wert darf nicht mit diesem Zeichen beginnen; bitte in Anführungszeichen setzen.',
  BAD_DQ_ESCAPE: 'Ungültige Escape-Sequenz in einem Text in doppelten Anführungszeichen.',
  BLOCK_IN_FLOW: 'Eine eingerückte Liste oder Zuordnung darf nicht innerhalb von [ ] oder { } stehen.',
  MULTIPLE_DOCS: 'Die Datei enthält mehrere YAML-Dokumente (---); erwartet wird genau eines.',
  MULTIPLE_ANCHORS: 'Ein Wert darf nur einen Anker (&name) haben.',
  MULTIPLE_TAGS: 'Ein Wert darf nur ein Tag (!tag) haben.',
  BAD_ALIAS: 'Ungültiger Alias-Verweis.',
  ALIAS_PROPS: 'Ein Alias (*name) darf keinen Anker und kein Tag tragen.',
  BAD_DIRECTIVE: 'Ungültige YAML-Direktive.',
  TAG_RESOLVE_FAILED: 'Unbekanntes YAML-Tag; kim kennt nur einfache Texte, Zahlen, Listen und Zuordnungen.',
  KEY_OVER_1024_CHARS: 'Ein Schlüssel ist länger als 1024 Zeichen.',
  BAD_COLLECTION_TYPE: 'Unerwartete Art von Liste oder Zuordnung.',
  IMPOSSIBLE: 'Die Datei ist kein gültiges YAML.',
  // The library reports this when composing a list or mapping throws, which it takes for a stack overflow;
  // deep nesting is refused before composing (nesting-guard.ts), so what is left is running out of memory.
  RESOURCE_EXHAUSTION: 'Beim Lesen dieser Liste oder Zuordnung ist der Speicher ausgegangen; bitte die Datei kleiner machen.',
};

export function translateYamlError(code: string, original: string): string {
  // Some codes cover several situations; the original wording tells which one the clerk is in.
  if (code === 'MISSING_CHAR' && /closing ["']?quote/.test(original)) {
    return 'Ein Text in Anführungszeichen wird nicht geschlossen; es fehlt das schließende Anführungszeichen.';
  }
  if (code === 'BAD_INDENT' && /Flow (sequence|map)/.test(original)) {
    return 'Eine Liste in [ ] oder Zuordnung in { } wird nicht geschlossen (fehlt "]" oder "}"?) oder ist nicht weit genug eingerückt.';
  }
  if (code === 'MISSING_CHAR' && /without - indicator/.test(original)) {
    return 'Hier wird ein Listeneintrag mit „- “ erwartet, oder die Zeile ist anders eingerückt als die Einträge darüber.';
  }
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = /Unresolved tag: (\S+)/.exec(original)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!');
    return `Unbekanntes YAML-Tag${tag ? ` „${tag}“` : ''}: kim liest nur einfache Texte, Zahlen, Listen und Zuordnungen und führt nichts aus. Bitte das Tag entfernen.`;
  }
  if (code === 'BAD_DIRECTIVE' && /Unsupported YAML version/.test(original)) {
    return 'Diese YAML-Fassung kennt kim nicht; bitte die Zeile %YAML entfernen (kim liest YAML 1.2).';
  }
  if (code === 'BLOCK_IN_FLOW') {
    return 'Innerhalb von [ ] oder { } fehlt hier wohl ein Komma zwischen zwei Einträgen; eingerückte Listen oder Zuordnungen sind dort nicht erlaubt.';
  }
  const german = MESSAGES[code];
  const detail = original.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '');
  return german ? german : `YAML-Syntaxfehler: ${detail}`;
}
