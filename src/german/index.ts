/** German language helpers: small pure functions, shared by the report model, templates and messages. */
export { formatDate, formatDateShort, isMonthOnly, onDate, sinceDate } from './dates.js';
export { formatAmount, formatDecimal, countWord, numberWord, ordinal, type Case } from './numbers.js';
export { joinList } from './lists.js';
export { adjectivalPlural, isPairForm, nounParts, countedNouns, definiteNouns, relativePronoun, personalPronoun, type NounPart } from './roles.js';
export { definite, inDative, beiDative, dativePlural, capitalize, strongEnding, possessiveStem } from './articles.js';
export { municipalityPhrase, type MunicipalityName } from './municipalities.js';
export { dativeFromAt } from './partners.js';
export { defaultSessionName } from './sessions.js';
export { romanNumeral } from './roman.js';
export type { Gender, Genus, IsoDate, NounForms } from './types.js';
export { amountFigure, filledOfPlanned, formatQuantity, formatQuantityInFull, isSingularAmount, peopleOnPosts, ratePerPost, type UnitWords } from './quantities.js';
export { countedNoun, PERSON, type CountableNoun } from './counted.js';
export { didYouMean, type HintStyle } from './did-you-mean.js';
export { presenterName, presentersSentence, type PresenterForms } from './presenters.js';
