// Pandoc's citation syntax, read the same way by the scanner (inline.ts) and the preview's
// markdown-it rule (render/citationRule.ts): one meaning, two readers.
//
//   [@key]  [see @key, pp. 4-6; @other]  [-@key]     a bracketed group
//   @key says                                         a bare (in-text) citation
//
// A key starts with a letter, digit or `_` and holds those and internal punctuation
// `:.#$%&-+?<>~/` (trailing punctuation is not part of it: `@doe99.` cites `doe99`), or is
// written in braces `@{any key}`. A bare `@` preceded by a letter, digit or `_` is part of a
// word (an e-mail address), never a citation. What markdown itself reads first — code, math,
// links, escapes — the two readers skip before this rule is asked.
//
// Where Pandoc is looser, this is stricter (docs/citations.md): a group lies on one line, holds
// no `[` or `]`, every `;`-separated part cites exactly one key, and a group followed by `(`,
// `[` or `:` is a link, not a citation.

/** One citation: a key, and in a group its prefix, locator and suffix. Offsets are into the text. */
export interface CiteParts {
  readonly key: string;
  /** Start of `@` (or of `-` in `-@key`). */
  readonly start: number;
  /** End of the key (after `}` for `@{key}`). */
  readonly end: number;
  /** Where the key's own text starts and ends (inside the braces for `@{key}`). */
  readonly keyStart: number;
  readonly keyEnd: number;
  /** `[-@key]`: the author is not named (Pandoc's SuppressAuthor). */
  readonly suppressAuthor: boolean;
  /** Text before `@` in a group (`see`), trimmed; '' when none. */
  readonly prefix: string;
  /** `pp. 4-6` in `[@key, pp. 4-6]`: the suffix when it starts with a locator term or a number. */
  readonly locator: string;
  /** The rest of the text after the key (the locator removed), trimmed, leading comma dropped. */
  readonly suffix: string;
}

export interface CiteGroup {
  /** `[` ... `]`, or the bare citation's own extent. */
  readonly start: number;
  readonly end: number;
  readonly bracketed: boolean;
  readonly cites: readonly CiteParts[];
}

const KEY = /[\p{L}\p{N}_]+(?:[:.#$%&\-+?<>~/]+[\p{L}\p{N}_]+)*/uy;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

// Pandoc's locator terms (citeproc's English locator labels, short and long forms).
const LOCATOR = /^(?:(?:p|pp|pg|pgs|ch|chap|chaps|sec|secs|fig|figs|vol|vols|no|nos|para|paras|l|ll|n|nn|v|vv|col|cols|op|ed|art|bk|bks|fol|fols|n\.b|pt|pts|s\.v|s\.vv)\.|page|pages|chapter|chapters|section|sections|figure|figures|volume|volumes|number|numbers|paragraph|paragraphs|line|lines|note|notes|verse|verses|column|columns|book|books|part|parts|opus|opera|folio|folios|§+|¶+|\d)/i;

/**
 * Whether the character before `@` lets a bare citation start (not a letter, digit, `_`, `@` or
 * `\`), and the `@` is not inside a bare URL (`https://host/@handle`, which Obsidian shows as a link).
 */
export function canPrecedeCitation(src: string, at: number): boolean {
  if (at <= 0) return true;
  let code = src.charCodeAt(at - 1);
  if (code === 0x40 /* @ */ || code === 0x5c /* \ */) return false;
  if (code === 0x2f /* / */ && inBareUrl(src, at)) return false;
  if (code < 0x80) return !((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f);
  let ch = src[at - 1]!;
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    code = src.charCodeAt(at - 2);
    if (code >= 0xd800 && code <= 0xdbff) ch = src.slice(at - 2, at);
  }
  return !WORD_CHAR.test(ch);
}

/** Whether the run of non-space characters ending at `at` holds `scheme://`. */
function inBareUrl(src: string, at: number): boolean {
  let start = at;
  while (start > 0 && !/\s/.test(src[start - 1]!)) start--;
  return /[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(src.slice(start, at));
}

/** The key after `@` at `at` (src[at] is `@`), up to `max`: [keyStart, keyEnd, end], or undefined. */
function keyAfter(src: string, at: number, max: number): [number, number, number] | undefined {
  const first = at + 1;
  if (first >= max) return undefined;
  if (src.charCodeAt(first) === 0x7b /* { */) {
    for (let i = first + 1; i < max; i++) {
      const c = src.charCodeAt(i);
      if (c === 0x7d /* } */) return i > first + 1 ? [first + 1, i, i + 1] : undefined;
      if (c === 0x0a || c === 0x0d || c === 0x7b) return undefined;
    }
    return undefined;
  }
  KEY.lastIndex = first;
  if (!KEY.test(src)) return undefined;
  const end = Math.min(KEY.lastIndex, max);
  // A key cut by `max` may end in punctuation: trim it back to a word character.
  let keyEnd = end;
  while (keyEnd > first && !WORD_CHAR.test(src[keyEnd - 1]!)) keyEnd--;
  return keyEnd > first ? [first, keyEnd, keyEnd] : undefined;
}

/** The bare citation whose `@` is at `at`, or undefined. The caller has checked canPrecedeCitation. */
export function bareCitation(src: string, at: number, max: number): CiteGroup | undefined {
  if (src.charCodeAt(at) !== 0x40) return undefined;
  const key = keyAfter(src, at, max);
  if (!key) return undefined;
  const cite: CiteParts = { key: src.slice(key[0], key[1]), start: at, end: key[2], keyStart: key[0], keyEnd: key[1], suppressAuthor: false, prefix: '', locator: '', suffix: '' };
  return { start: at, end: key[2], bracketed: false, cites: [cite] };
}

/** The one citation in `src[from, to)` (one `;`-part of a group), or undefined when it holds no key or two. */
function partCitation(src: string, from: number, to: number): CiteParts | undefined {
  let found: CiteParts | undefined;
  for (let i = src.indexOf('@', from); i >= 0 && i < to; i = src.indexOf('@', i + 1)) {
    if (!canPrecedeCitation(src, i)) continue;
    const key = keyAfter(src, i, to);
    if (!key) continue;
    if (found) return undefined;
    const dash = i > from && src.charCodeAt(i - 1) === 0x2d /* - */ && (i - 1 === from || !WORD_CHAR.test(src[i - 2]!));
    const start = dash ? i - 1 : i;
    let rest = src.slice(key[2], to).trim();
    if (rest.startsWith(',')) rest = rest.slice(1).trim();
    let locator = '';
    let suffix = rest;
    if (LOCATOR.test(rest)) {
      // The locator runs to the first comma after it that is followed by a word (`pp. 4, 6` stays whole).
      const cut = /,\s+(?=[^\d\s])/.exec(rest);
      locator = cut ? rest.slice(0, cut.index) : rest;
      suffix = cut ? rest.slice(cut.index + 1).trim() : '';
    }
    found = { key: src.slice(key[0], key[1]), start, end: key[2], keyStart: key[0], keyEnd: key[1], suppressAuthor: dash, prefix: src.slice(from, start).trim(), locator, suffix };
    i = key[2] - 1;
  }
  return found;
}

/** The bracketed group whose `[` is at `at`, ending by `max` (on the same line), or undefined. */
export function citationGroup(src: string, at: number, max: number): CiteGroup | undefined {
  if (src.charCodeAt(at) !== 0x5b /* [ */) return undefined;
  let close = -1;
  let hasAt = false;
  for (let i = at + 1; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x5d /* ] */) {
      close = i;
      break;
    }
    if (c === 0x5b || c === 0x0a || c === 0x0d || c === 0x5c /* \ */ || c === 0x60 /* ` */ || c === 0x24 /* $ */) return undefined;
    if (c === 0x40) hasAt = true;
  }
  if (close < 0 || !hasAt) return undefined;
  const after = close + 1 < max ? src.charCodeAt(close + 1) : -1;
  if (after === 0x28 /* ( */ || after === 0x5b /* [ */ || after === 0x3a /* : */) return undefined;
  const cites: CiteParts[] = [];
  let from = at + 1;
  for (;;) {
    let semi = src.indexOf(';', from);
    if (semi < 0 || semi > close) semi = close;
    const cite = partCitation(src, from, semi);
    if (!cite) return undefined;
    cites.push(cite);
    if (semi === close) break;
    from = semi + 1;
  }
  return { start: at, end: close + 1, bracketed: true, cites };
}
