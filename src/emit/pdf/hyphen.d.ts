// The hyphen package ships no types; these cover the two files the PDF stage loads.
declare module 'hyphen/hyphen.js' {
  type Hyphenate = (text: string) => string;
  function createHyphenator(
    patterns: unknown,
    options?: { async?: false; html?: boolean; hyphenChar?: string; minWordLength?: number },
  ): Hyphenate;
  export default createHyphenator;
}
declare module 'hyphen/patterns/de-1996.js' {
  const patterns: unknown;
  export default patterns;
}
