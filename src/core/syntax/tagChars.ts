// Which characters make a tag (DESIGN.md §2): letters of any script (with their combining
// marks), digits, `_`, `-`, `/` and emoji. Exported so the preview's tag rule and the
// scanner share one definition: one meaning, two readers.

const LETTER_OR_EMOJI = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f]/u;
const DIGIT = /\p{Nd}/u;

const NOT_TAG = 1;
const TAG_LETTER = 2;
const TAG_DIGIT = 3;

// ASCII by table; other characters are classified by a Unicode property test the first
// time they are met and remembered, so a note in Cyrillic or CJK pays the regex once per
// distinct character, not once per character.
const ascii = new Uint8Array(128).fill(NOT_TAG);
for (let c = 0x30; c <= 0x39; c++) ascii[c] = TAG_DIGIT;
for (let c = 0x41; c <= 0x5a; c++) ascii[c] = TAG_LETTER;
for (let c = 0x61; c <= 0x7a; c++) ascii[c] = TAG_LETTER;
ascii[0x5f] = TAG_LETTER; // _
ascii[0x2d] = TAG_LETTER; // -
ascii[0x2f] = TAG_LETTER; // /
const bmp = new Uint8Array(0x10000); // 0: not classified yet
const astral = new Map<number, number>();

function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  if (DIGIT.test(ch)) return TAG_DIGIT;
  return LETTER_OR_EMOJI.test(ch) ? TAG_LETTER : NOT_TAG;
}

function classOfBmp(code: number): number {
  let kind = bmp[code];
  if (kind === 0) bmp[code] = kind = classify(code);
  return kind;
}

function classOfAstral(codePoint: number): number {
  let kind = astral.get(codePoint);
  if (kind === undefined) astral.set(codePoint, (kind = classify(codePoint)));
  return kind;
}

/** Whitespace as JavaScript's `\s` sees it. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A tag may start after whitespace or `(` (and at the start of a line, which the caller knows). */
export function canPrecedeTag(code: number): boolean {
  return code === 0x28 /* ( */ || isWhitespace(code);
}

/**
 * End of the tag whose `#` is at `hash`, or -1 when `#` starts no tag: the name runs over tag
 * characters up to `max`, loses any trailing `/`, and needs one character that is neither a
 * digit nor `/` (`#1984` and `#2024/01` are no tags). What precedes `#` is the caller's to
 * check (canPrecedeTag).
 */
export function tagEnd(src: string, hash: number, max: number): number {
  let pos = hash + 1;
  let end = pos; // just past the last character that is not `/`
  let firstNonDigit = -1;
  while (pos < max) {
    const code = src.charCodeAt(pos);
    let kind: number;
    let width = 1;
    if (code < 0x80) {
      kind = ascii[code];
    } else if (code >= 0xd800 && code <= 0xdbff && pos + 1 < max) {
      const low = src.charCodeAt(pos + 1);
      if (low < 0xdc00 || low > 0xdfff) break;
      kind = classOfAstral(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      width = 2;
    } else {
      kind = classOfBmp(code);
    }
    if (kind === NOT_TAG) break;
    // `/` only separates levels: `#2024/01` is numbers, no tag.
    if (kind === TAG_LETTER && firstNonDigit < 0 && code !== 0x2f) firstNonDigit = pos;
    pos += width;
    if (code !== 0x2f /* / */) end = pos;
  }
  return firstNonDigit >= 0 && firstNonDigit < end ? end : -1;
}

/** The tag name (without `#`) if `text` is one whole valid tag name, else undefined: for frontmatter values. */
export function asTagName(text: string): string | undefined {
  const name = text.charCodeAt(0) === 0x23 /* # */ ? text.slice(1) : text;
  // tagEnd expects a `#` before the name: pretend one stands at -1.
  const end = tagEnd(name, -1, name.length);
  if (end < 0) return undefined;
  for (let i = end; i < name.length; i++) if (name.charCodeAt(i) !== 0x2f) return undefined;
  return name.slice(0, end);
}
