import type { AnyRule } from '../rule-context.js';
import { filledWithinPlanned } from './fte.js';
import { uniqueIds } from './ids.js';
import { assignmentWithinEmployment, endNotBeforeStart, fteChangesWithinEmployment, noOverlappingAssignments } from './periods.js';
import { knownReferences, steeringMeetingsHaveGroup } from './references.js';
import {
  attachmentFilesInside,
  fileNamedAfterId,
  dateBetweenStandAndSession,
  fundingRateKnown,
  knownTemplate,
  previousReportEarlier,
  previousSessionEarlier,
  standBeforeSession,
} from './reports.js';
import { previousSessionCalledLast, steeringGroupTextHasGroup, textModulesKnown, textSlotsHaveValues, textSlotsResolve } from './text-blocks.js';
import { knownConsultationRole, knownPaperType, logoFileInside, resolutionGiven } from './paper.js';
import { planPartsAddUp } from './plans.js';
import { wordTemplateUsable } from './word-template.js';
import { groupGenusMatchesGenitive } from './group-genus.js';
import { groupNotMetYetChosen } from './group-not-met.js';
import { agreementPartners } from './agreements.js';
import { assignmentSharesWithinPost, listedStaffAssigned } from './assignment-shares.js';
import { neutralPluralGiven, statementSlotsKnown } from './statements.js';
import { thousandsSeparator } from './number-notation.js';
import { oneFundingRatePerYear, oneMeetingPerDay, onePlannedFtePerDay } from './one-value-per-period.js';
import { publicReportInPublicSession } from './public-session.js';
import { slotsOnlyInText, slotsWellFormed } from './slot-syntax.js';
import { uniqueReportIds } from './report-ids.js';
import { oneReportPerSession } from './report-sessions.js';
import { textChangedSincePrevious } from './text-carried-over.js';
import { noReservedReportNames } from './windows-names.js';
import { outlineEntriesKnown } from './outline-entries-known.js';
import { outlineHeadingPlaceholders } from './outline-heading-placeholders.js';
import { outlineHeadingSlotsHaveValues, outlineHeadingSlotsResolve } from './outline-heading-slots.js';
import { outlineModules } from './outline-modules.js';
import { outlineTextPlaced } from './outline-text-placed.js';
import { outlineShownPlaced } from './outline-shown-placed.js';
import { outlinePlacedOnce } from './outline-placed-once.js';
import { noStaffNamesInPublicReport } from './public-names.js';
import { reportCharactersDrawable, sharedCharactersDrawable } from './drawable-characters.js';
import { presentersNamed, presentersPlaced } from './presenters.js';
import { staffWithinEmployerPosts } from './employer-posts.js';
import { monthDatesClearOfReports } from './month-dates.js';
import { localSharesKnown, outlineOwnStaffOnly, ownerNeedsAuthorMunicipality } from './local-posts.js';

/** Rules across files, after the schemas have checked each file's shape (the changesets pattern). */
export const RULES: readonly AnyRule[] = [
  uniqueIds,
  uniqueReportIds,
  oneReportPerSession,
  knownReferences,
  steeringMeetingsHaveGroup,
  endNotBeforeStart,
  fteChangesWithinEmployment,
  assignmentWithinEmployment,
  noOverlappingAssignments,
  filledWithinPlanned,
  statementSlotsKnown,
  neutralPluralGiven,
  standBeforeSession,
  dateBetweenStandAndSession,
  fundingRateKnown,
  knownTemplate,
  textSlotsResolve,
  textSlotsHaveValues,
  previousSessionCalledLast,
  textModulesKnown,
  steeringGroupTextHasGroup,
  knownPaperType,
  resolutionGiven,
  knownConsultationRole,
  logoFileInside,
  wordTemplateUsable,
  planPartsAddUp,
  groupGenusMatchesGenitive,
  groupNotMetYetChosen,
  agreementPartners,
  assignmentSharesWithinPost,
  listedStaffAssigned,
  ownerNeedsAuthorMunicipality,
  localSharesKnown,
  monthDatesClearOfReports,
  outlineOwnStaffOnly,
  attachmentFilesInside,
  previousReportEarlier,
  previousSessionEarlier,
  fileNamedAfterId,
  thousandsSeparator,
  oneFundingRatePerYear,
  onePlannedFtePerDay,
  oneMeetingPerDay,
  slotsWellFormed,
  slotsOnlyInText,
  publicReportInPublicSession,
  textChangedSincePrevious,
  noReservedReportNames,
  outlineEntriesKnown,
  outlineHeadingPlaceholders,
  outlineHeadingSlotsResolve,
  outlineHeadingSlotsHaveValues,
  outlineModules,
  outlineTextPlaced,
  outlineShownPlaced,
  outlinePlacedOnce,
  noStaffNamesInPublicReport,
  reportCharactersDrawable,
  sharedCharactersDrawable,
  presentersNamed,
  presentersPlaced,
  staffWithinEmployerPosts,
];
