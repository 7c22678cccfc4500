import type { Report } from './types.js';

/**
 * The id of a report's session: the first of its consultations, the meeting the Vorlage is written for
 * (its date is the Vorlage's date; later consultations only pass it on). The schema requires one.
 */
export const reportSessionId = (report: Pick<Report, 'consultations'>): string => report.consultations[0]!.session;
