import type { Rule } from '../rule-context.js';
import { filledWithinPlanned } from './fte.js';
import { uniqueIds } from './ids.js';
import { assignmentWithinEmployment, endNotBeforeStart, noOverlappingAssignments } from './periods.js';
import { knownReferences } from './references.js';
import {
  attachmentFilesInside,
  fileNamedAfterId,
  fundingRateKnown,
  knownTemplate,
  previousReportEarlier,
  standBeforeSession,
  textSlotsResolve,
} from './reports.js';
import { statementSlotsKnown } from './statements.js';
import { uniqueReportIds } from './report-ids.js';
import { oneReportPerSession } from './report-sessions.js';
import { textChangedSincePrevious } from './text-carried-over.js';

/** Rules across files, after the schemas have checked each file's shape (the changesets pattern). */
export const RULES: readonly Rule[] = [
  uniqueIds,
  uniqueReportIds,
  oneReportPerSession,
  knownReferences,
  endNotBeforeStart,
  assignmentWithinEmployment,
  noOverlappingAssignments,
  filledWithinPlanned,
  statementSlotsKnown,
  standBeforeSession,
  fundingRateKnown,
  knownTemplate,
  textSlotsResolve,
  attachmentFilesInside,
  previousReportEarlier,
  fileNamedAfterId,
  textChangedSincePrevious,
];
