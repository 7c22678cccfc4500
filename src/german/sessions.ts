/**
 * What the text calls a session of a committee when the data does not say (`sessionName`): a committee
 * ("Ausschuss für Soziales …") meets in an "Ausschusssitzung", as the Rhein-Sieg-Kreis's Vorlagen say; any
 * other body in a "Sitzung" with its genitive ("Sitzung des Kreistages"), so a Vorlage never calls the
 * Kreistag's session an Ausschusssitzung. Feminine either way: "in der letzten …", "seit der …".
 */
export function defaultSessionName(committee: { name: string; genitive: string }): string {
  return /ausschuss/i.test(committee.name) ? 'Ausschusssitzung' : `Sitzung ${committee.genitive}`;
}
