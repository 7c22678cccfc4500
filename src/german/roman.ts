const NUMERALS: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 3 → "III", 14 → "XIV": module numbers of Kreise that count their Bausteine in Roman numerals. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Keine römische Zahl für ${n}`);
  let rest = n;
  let out = '';
  for (const [value, numeral] of NUMERALS) {
    for (; rest >= value; rest -= value) out += numeral;
  }
  return out;
}
