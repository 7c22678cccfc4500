/** German language helpers: small pure functions, shared by the report model, templates and messages. */
export { formatDate, formatDateShort } from './dates.js';
export { formatAmount, formatDecimal, countWord, numberWord, ordinal, type Case } from './numbers.js';
export { joinList } from './lists.js';
export { roleNoun, definiteArticle, type RoleNoun } from './roles.js';
