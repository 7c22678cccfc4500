/**
 * A regular expression that admits exactly the real calendar days `JJJJ-MM-TT` of the Gregorian
 * calendar (years 0000–9999), for editors that check a JSON Schema's `pattern` but not what
 * `format: date` means (yaml-language-server accepts 2024-02-30 as a "date"). It agrees with Ajv's
 * `date` format, which kim validate uses, day for day (test/scaffold/calendar-date.test.ts).
 *
 * Three alternatives: days 01–28 of every month, 29–30 of every month but February, 31 of the long
 * months; and 29 February of leap years: years divisible by 4 but not by 100 (the last two digits
 * 04, 08 … 96), and years divisible by 400 (the first two digits 00, 04 … 96, then 00).
 */
const DAYS = '(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)';
const LEAP_YEAR = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';

export const CALENDAR_DATE_PATTERN = `^(?:[0-9]{4}-${DAYS}|${LEAP_YEAR}-02-29)$`;

/**
 * A calendar day or, where the record names only the month, the month `JJJJ-MM` (staff start and end,
 * cooperation agreements: schemas/*.schema.json `dayOrMonth`, written there literally; a test keeps the two
 * equal). The editor and kim validate check it with this one pattern.
 */
export const DAY_OR_MONTH_PATTERN = `^(?:[0-9]{4}-(?:0[1-9]|1[0-2])|[0-9]{4}-${DAYS}|${LEAP_YEAR}-02-29)$`;
