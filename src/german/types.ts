/** Grammatical notions the German helpers work with; the data model uses the same shapes. */
export type Gender = 'w' | 'm' | 'd';
export type Genus = 'feminine' | 'masculine' | 'neuter';
export type IsoDate = string;

/** A person noun in its singular forms per gender and its plurals ("Case Managerin", "Case Managerinnen und Case Manager"). */
export interface NounForms {
  w: string;
  m: string;
  d: string;
  /** Genus of the neutral singular `d` ("die Fachkraft", "der Mensch"). */
  neutralGenus: Genus;
  /** `d`: the neutral singular's plural, for two or more people of gender d ('Case-Management-Fachkräfte'). */
  plural: { w: string; m: string; mixed: string; d?: string | undefined };
}
