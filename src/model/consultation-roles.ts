import type { ConsultationRole, Organisation } from './types.js';

/** What a committee can do with a Vorlage when organisation.yaml does not list its own. */
export const DEFAULT_CONSULTATION_ROLES: readonly ConsultationRole[] = [
  { name: 'Kenntnisnahme' },
  { name: 'Vorberatung' },
  { name: 'Anhörung' },
  { name: 'Entscheidung', authoritative: true },
];

export function consultationRolesOf(organisation: Pick<Organisation, 'consultationRoles'>): readonly ConsultationRole[] {
  return organisation.consultationRoles ?? DEFAULT_CONSULTATION_ROLES;
}
