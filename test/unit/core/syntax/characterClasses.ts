// Characters by the classes that matter around `#`, `[[` and `$`, written out by name so a
// table test reads like the rule it checks. Each list is checked against Unicode's own
// classes (characterClasses.test.ts), so it is complete where it says so.

/** Every character JavaScript's `\s` matches, which is what DESIGN.md §2 means by whitespace. */
export const SPACES: ReadonlyArray<readonly [string, string]> = [
  ['\t', 'tab'],
  ['\n', 'line feed'],
  ['\v', 'line tabulation'],
  ['\f', 'form feed'],
  ['\r', 'carriage return'],
  [' ', 'space'],
  ['\u00a0', 'no-break space'],
  ['\u1680', 'ogham space mark'],
  ['\u2000', 'en quad'],
  ['\u2001', 'em quad'],
  ['\u2002', 'en space'],
  ['\u2003', 'em space'],
  ['\u2004', 'three-per-em space'],
  ['\u2005', 'four-per-em space'],
  ['\u2006', 'six-per-em space'],
  ['\u2007', 'figure space'],
  ['\u2008', 'punctuation space'],
  ['\u2009', 'thin space'],
  ['\u200a', 'hair space'],
  ['\u2028', 'line separator'],
  ['\u2029', 'paragraph separator'],
  ['\u202f', 'narrow no-break space'],
  ['\u205f', 'medium mathematical space'],
  ['\u3000', 'ideographic space'],
  ['\ufeff', 'zero width no-break space'],
];

/** Look like spaces or separate words, but are not whitespace to `\s`: they are no tag characters either. */
export const NOT_SPACES: ReadonlyArray<readonly [string, string]> = [
  ['\u0085', 'next line (NEL)'],
  ['\u180e', 'mongolian vowel separator'],
  ['\u200b', 'zero width space'],
  ['\u2060', 'word joiner'],
  ['\u0000', 'null'],
  ['\u007f', 'delete'],
];

/** Samples of every punctuation and symbol class, the ASCII ones all included. */
export const PUNCTUATION: Readonly<Record<string, string>> = {
  'connector punctuation (Pc)': '_\u203f\u2040\u2054\ufe33\uff3f',
  'dash punctuation (Pd)': '-\u2010\u2011\u2012\u2013\u2014\u2015\u2e3a\u301c\ufe58\uff0d',
  'open punctuation (Ps)': '([{\u201a\u2045\u3008\u300c\uff08',
  'close punctuation (Pe)': ')]}\u2046\u3009\u300d\uff09',
  'initial quote (Pi)': '\u00ab\u2018\u201c\u2039',
  'final quote (Pf)': '\u00bb\u2019\u201d\u203a',
  'other punctuation (Po)': '!"#%&\'*,./:;?@\\\u00a1\u00a7\u00b6\u00b7\u00bf\u2016\u2020\u2022\u2026\u3001\u3002\uff01\uff0c',
  'math symbol (Sm)': '+<=>|~\u00ac\u00b1\u00d7\u00f7\u2190\u2212\u2211\u221e',
  'currency symbol (Sc)': '$\u00a2\u00a3\u00a5\u20ac\u20b9',
  'modifier symbol (Sk)': '^`\u00a8\u00b4\u02c2\uff3e',
  'other symbol, not emoji (So)': '\u00a6\u00b0\u0482\u2116\u2500\u25a0\u3012',
};

/** The Unicode general category each PUNCTUATION entry claims, as a property escape. */
export const CATEGORY_OF: Readonly<Record<string, RegExp>> = Object.fromEntries(
  Object.keys(PUNCTUATION).map(name => [name, new RegExp(`^\\p{${/\((\w\w)\)/.exec(name)![1]}}$`, 'u')]),
);

/** Each character of a string, by code point. */
export function charsOf(text: string): string[] {
  return [...text];
}

/** `U+00A0 no-break space`: how a table row names its character in a test title. */
export function nameOf(ch: string, name?: string): string {
  const code = 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return name ? `${code} ${name}` : `${code} ${JSON.stringify(ch)}`;
}
