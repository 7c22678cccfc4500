/**
 * A partner's name in the dative with its article, read off the phrase "bei …" that says where staff are
 * employed: "beim Caritasverband X" → "dem Caritasverband X", "bei der Diakonie X" → "der Diakonie X".
 * Undefined when the phrase is not "bei …" ("in der Stadt Troisdorf" says nothing sure about "mit …").
 */
export function dativeFromAt(at: string): string | undefined {
  const m = /^(?:beim\s+(.+)|bei\s+((?:dem|der|den)\s+.+))$/su.exec(at.trim());
  if (!m) return undefined;
  return m[1] !== undefined ? `dem ${m[1]}` : m[2];
}
