// The few YAML value shapes frontmatter fields take: plain, 'single' and "double" quoted
// strings, `[flow, "lists"]`, comments. Anything else is refused with a reason, so the note
// says what it could not read instead of guessing.

/** A string value and where its text stands in the note (inside the quotes, if quoted). */
export interface YamlString {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** The value is the text at [start, end) as written (no escapes, no folding). */
  readonly verbatim: boolean;
}

export type YamlValue = { readonly kind: 'none' } | { readonly kind: 'string'; readonly string: YamlString } | { readonly kind: 'list'; readonly items: readonly YamlString[] };

/** A shape this reader does not take; the message says what and is prefixed with the line by the caller. */
export class YamlShapeError extends Error {}

const NONE: YamlValue = { kind: 'none' };

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function skipBlanks(src: string, pos: number, end: number): number {
  while (pos < end && isBlank(src.charCodeAt(pos))) pos++;
  return pos;
}

/** True when only blanks and a `# comment` remain in [pos, end). */
function restIsEmpty(src: string, pos: number, end: number): boolean {
  pos = skipBlanks(src, pos, end);
  return pos >= end || src.charCodeAt(pos) === 0x23;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A quoted string starting at `pos` (on the quote); returns it and the offset after the closing quote. */
function readQuoted(src: string, pos: number, end: number): [YamlString, number] {
  const quote = src.charCodeAt(pos);
  let value = '';
  let verbatim = true;
  let i = pos + 1;
  let chunk = i;
  for (; i < end; i++) {
    const c = src.charCodeAt(i);
    if (quote === 0x27 /* ' */ && c === 0x27) {
      if (src.charCodeAt(i + 1) !== 0x27 || i + 1 >= end) break;
      value += src.slice(chunk, i + 1);
      verbatim = false;
      chunk = ++i + 1;
    } else if (quote === 0x22 && c === 0x22) {
      break;
    } else if (quote === 0x22 && c === 0x5c /* \ */) {
      value += src.slice(chunk, i);
      verbatim = false;
      const e = src[i + 1];
      if (e !== undefined && e in HEX_LENGTH) {
        const hex = src.slice(i + 2, i + 2 + HEX_LENGTH[e]);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== HEX_LENGTH[e]) throw new YamlShapeError(`a bad escape \\${e}${hex} in a quoted value`);
        value += String.fromCodePoint(parseInt(hex, 16));
        i += 1 + hex.length;
      } else if (e !== undefined && e in DOUBLE_ESCAPES) {
        value += DOUBLE_ESCAPES[e];
        i++;
      } else {
        throw new YamlShapeError(`an unknown escape \\${e ?? ''} in a quoted value`);
      }
      chunk = i + 1;
    }
  }
  if (i >= end) throw new YamlShapeError('a quoted value that does not end on its line (put it on one line)');
  value += src.slice(chunk, i);
  return [{ value, start: pos + 1, end: i, verbatim }, i + 1];
}

/** A plain scalar in [pos, end): up to a ` #` comment (or `,` / `]` inside a flow list). */
function readPlain(src: string, pos: number, end: number, inFlow: boolean): [YamlString, number] {
  let i = pos;
  for (; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x23 && i > pos && isBlank(src.charCodeAt(i - 1))) break;
    if (inFlow && (c === 0x2c || c === 0x5d)) break;
    if (inFlow && (c === 0x5b || c === 0x7b || c === 0x7d)) throw new YamlShapeError('a list or map inside a list');
    if (c === 0x3a /* : */ && (i + 1 >= end || isBlank(src.charCodeAt(i + 1)))) {
      throw new YamlShapeError('a plain value with ": " in it (put the value in quotes)');
    }
  }
  let last = i;
  while (last > pos && isBlank(src.charCodeAt(last - 1))) last--;
  return [{ value: src.slice(pos, last), start: pos, end: last, verbatim: true }, i];
}

function isNull(s: YamlString): boolean {
  return s.verbatim && (s.value === '' || s.value === '~' || s.value === 'null' || s.value === 'Null' || s.value === 'NULL');
}

/** One scalar in [pos, end), the rest of the line being blank or a comment. */
export function readScalar(src: string, pos: number, end: number): YamlString | undefined {
  pos = skipBlanks(src, pos, end);
  if (pos >= end || src.charCodeAt(pos) === 0x23) return undefined;
  const c = src.charCodeAt(pos);
  if (c === 0x22 || c === 0x27) {
    const [string, after] = readQuoted(src, pos, end);
    if (!restIsEmpty(src, after, end)) throw new YamlShapeError('text after a quoted value');
    return string;
  }
  if (c === 0x7c /* | */ || c === 0x3e /* > */) throw new YamlShapeError('a block scalar (| or >); write the value on one line');
  if (c === 0x7b /* { */) throw new YamlShapeError('a map where a text or a list was expected');
  if (c === 0x26 || c === 0x2a || c === 0x21) throw new YamlShapeError('anchors, aliases and tags (&, *, !) are not read here');
  if (c === 0x5b /* [ */) throw new YamlShapeError('a list where one value was expected');
  if (c === 0x2d && (pos + 1 >= end || isBlank(src.charCodeAt(pos + 1)))) throw new YamlShapeError('a list where one value was expected');
  const [string] = readPlain(src, pos, end, false);
  return isNull(string) ? undefined : string;
}

/** The value after `key:` on its line: nothing (a block list may follow), a string, or a flow list. */
export function readValue(src: string, pos: number, end: number): YamlValue {
  pos = skipBlanks(src, pos, end);
  if (src.charCodeAt(pos) !== 0x5b /* [ */ || pos >= end) {
    const string = readScalar(src, pos, end);
    return string ? { kind: 'string', string } : NONE;
  }
  const items: YamlString[] = [];
  let i = pos + 1;
  for (;;) {
    i = skipBlanks(src, i, end);
    if (i >= end) throw new YamlShapeError('a [list] that does not end on its line (put it on one line)');
    const c = src.charCodeAt(i);
    if (c === 0x5d /* ] */) break;
    let item: YamlString;
    if (c === 0x22 || c === 0x27) [item, i] = readQuoted(src, i, end);
    else [item, i] = readPlain(src, i, end, true);
    if (!isNull(item)) items.push(item);
    i = skipBlanks(src, i, end);
    if (i < end && src.charCodeAt(i) === 0x2c /* , */) i++;
    else if (i < end && src.charCodeAt(i) !== 0x5d) throw new YamlShapeError('a [list] with something other than "," between its values');
  }
  if (!restIsEmpty(src, i + 1, end)) throw new YamlShapeError('text after a [list]');
  return { kind: 'list', items };
}
