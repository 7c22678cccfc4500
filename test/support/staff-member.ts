import type { StaffMember } from '../../src/model/types.js';

/**
 * A person for the model's tests on the example Kreis (data/): by default a full-time case manager of the
 * Kreisverwaltung in Modul 2 from `start`; `more` changes any field (role, gender, employer, end, focus …).
 */
export const staffMember = (id: string, start: string, more: Partial<StaffMember> = {}): StaffMember => ({
  id,
  name: 'Test Person',
  gender: 'w',
  role: 'case-manager',
  module: 'modul-2',
  fte: 1,
  employer: 'kreisverwaltung',
  start,
  ...more,
});
