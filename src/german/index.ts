/** German language helpers: small pure functions, shared by the report model, templates and messages. */
export { formatDate, formatDateShort } from './dates.js';
export { formatAmount, formatDecimal, countWord, numberWord, ordinal, type Case } from './numbers.js';
export { joinList } from './lists.js';
export { adjectivalPlural, isPairForm, nounParts, countedNouns, definiteNouns, relativePronoun, personalPronoun, type NounPart } from './roles.js';
export { definite, inDative, capitalize, strongEnding } from './articles.js';
export { municipalityPhrase, type MunicipalityName } from './municipalities.js';
export { defaultSessionName } from './sessions.js';
export { romanNumeral } from './roman.js';
export type { Gender, Genus, IsoDate, NounForms } from './types.js';
export { amountFigure, filledOfPlanned, formatQuantity, formatQuantityInFull, isSingularAmount, ratePerPost, type UnitWords } from './quantities.js';
export { countedNoun, type CountableNoun } from './counted.js';
export { didYouMean, type HintStyle } from './did-you-mean.js';
