/** Role nouns the tests of test/german share: a pair form (Case Management, Koordination) and a neutral mixed plural (Mitarbeitende). */
import type { RoleForms } from '../../src/model/types.js';

export const caseManager: RoleForms = {
  w: 'Case Managerin',
  m: 'Case Manager',
  d: 'Case-Management-Fachkraft',
  neutralGenus: 'feminine',
  plural: { w: 'Case Managerinnen', m: 'Case Manager', mixed: 'Case Managerinnen und Case Manager' },
};
export const koordination: RoleForms = {
  w: 'Koordinatorin',
  m: 'Koordinator',
  d: 'koordinierende Person',
  neutralGenus: 'feminine',
  plural: { w: 'Koordinatorinnen', m: 'Koordinatoren', mixed: 'Koordinatorinnen und Koordinatoren' },
};
export const staff: RoleForms = {
  w: 'Mitarbeiterin',
  m: 'Mitarbeiter',
  d: 'mitarbeitende Person',
  neutralGenus: 'feminine',
  plural: { w: 'Mitarbeiterinnen', m: 'Mitarbeiter', mixed: 'Mitarbeitende' },
};
