// Words as the unlinked-mention pattern sees them (mentions.ts): maximal runs of the
// characters its `[\p{L}\p{N}_]` matches under the `iu` flags, each hashed so that two words
// the pattern takes for the same, case-insensitively, get the same hash. A term found in a
// note is there as whole words, one after the other: the mention index (mentionIndex.ts)
// reads only the notes that hold them.

const WORD_CHAR = /[\p{L}\p{N}_]/iu;
const NOT_WORD = -1;

/** ASCII: letters lowercased, digits and `_` as they are, the rest not a word character. */
const ASCII = new Int32Array(128).map((_, c) =>
  c >= 65 && c <= 90 ? c + 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 ? c : NOT_WORD,
);
/** Above ASCII, filled in as characters are met: 0 not yet known. */
let bmp: Int32Array | undefined;
const astral = new Map<number, number>();

/**
 * The code point that stands for `c`'s whole case class (the characters the pattern's `i`
 * flag takes for `c`: simple case folding), or -1 when `c` is not a word character: the
 * lowercase of its uppercase, each step taken only when it maps to one code point that the
 * regex engine itself says is the same (`K`, `k` and the Kelvin sign are all `k`; `µ`, `Μ` and
 * `μ` all `μ`; `ı` stays `ı`), and three pairs by hand. A test checks every class of more than
 * one character against the regex engine.
 */
function classKeyOf(c: number): number {
  const ch = String.fromCodePoint(c);
  if (!WORD_CHAR.test(ch)) return NOT_WORD;
  const same = new RegExp(`^\\u{${c.toString(16)}}$`, 'iu');
  const step = (from: string, mapped: string) => {
    const cp = mapped.codePointAt(0)!;
    return mapped.length === (cp > 0xffff ? 2 : 1) && same.test(mapped) ? mapped : from;
  };
  const upper = step(ch, ch.toUpperCase());
  const key = step(upper, upper.toLowerCase()).codePointAt(0)!;
  return FOLDED_ALIKE.get(key) ?? key;
}

/** Pairs that fold alike with no case mapping between them (Unicode 14's `ΐ` and `ΐ`, `ﬅ` and `ﬆ`). */
const FOLDED_ALIKE = new Map([
  [0x1fd3, 0x390],
  [0x1fe3, 0x3b0],
  [0xfb05, 0xfb06],
]);

/** The key of one code point (cached), -1 when it is not a word character. */
export function keyOfCodePoint(c: number): number {
  if (c < 128) return ASCII[c];
  if (c <= 0xffff) {
    bmp ??= new Int32Array(0x10000);
    let k = bmp[c];
    if (k === 0) bmp[c] = k = classKeyOf(c);
    return k;
  }
  let k = astral.get(c);
  if (k === undefined) astral.set(c, (k = classKeyOf(c)));
  return k;
}

/** murmur3's finaliser: every bit of the word's FNV hash moves every bit of the result. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of two words in a row (a different value from either word's). */
export function pairHash(first: number, second: number): number {
  return mix(Math.imul(first, 0x9e3779b1) ^ second ^ 0x27d4eb2f);
}

let scratch: Int32Array = new Int32Array(1024);

/**
 * The hashes of the words of `text`, in order, repeats included: the first `count` of
 * `hashes`, a buffer reused by the next call. Character codes, no strings: this reads every
 * note of a vault the first time mentions are searched.
 */
export function wordHashes(text: string): { hashes: Int32Array; count: number } {
  const n = text.length;
  let count = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let key: number;
    if (c < 128) key = ASCII[c];
    else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      key = keyOfCodePoint(c);
    }
    if (key === NOT_WORD) {
      if (inWord) {
        if (count === scratch.length) scratch = grown(scratch);
        scratch[count++] = mix(h);
        inWord = false;
      }
    } else {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = Math.imul(h ^ key, 0x01000193);
    }
  }
  if (inWord) {
    if (count === scratch.length) scratch = grown(scratch);
    scratch[count++] = mix(h);
  }
  return { hashes: scratch, count };
}

function grown(list: Int32Array): Int32Array {
  const more = new Int32Array(list.length * 2);
  more.set(list);
  return more;
}
