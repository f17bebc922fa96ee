// The destination and title of `[text](dest "title")` and of `[label]: dest "title"`, by
// CommonMark's rules as markdown-it applies them.

export interface Destination {
  /** Offset just past the destination (past `>` for `<...>`). */
  readonly end: number;
  /** The destination with backslash escapes and basic entities resolved. */
  readonly href: string;
  /** The raw text of the destination, without `<>`. */
  readonly rawStart: number;
  readonly rawEnd: number;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** `<...>` (no line break, no unescaped `<`) or a run without spaces or control characters and with balanced parentheses. */
export function parseLinkDestination(src: string, start: number, max: number): Destination | undefined {
  let pos = start;
  if (src.charCodeAt(pos) === 0x3c /* < */) {
    pos++;
    while (pos < max) {
      const c = src.charCodeAt(pos);
      if (isLineBreak(c) || c === 0x3c) return undefined;
      if (c === 0x3e /* > */) return { end: pos + 1, href: unescapeAll(src.slice(start + 1, pos)), rawStart: start + 1, rawEnd: pos };
      if (c === 0x5c /* \ */ && pos + 1 < max) {
        pos += 2;
        continue;
      }
      pos++;
    }
    return undefined;
  }
  let level = 0;
  while (pos < max) {
    const c = src.charCodeAt(pos);
    if (c === 0x20 || c < 0x20 || c === 0x7f) break;
    if (c === 0x5c && pos + 1 < max) {
      if (src.charCodeAt(pos + 1) === 0x20) {
        pos++; // markdown-it: `\ ` keeps the backslash and ends at the space
        break;
      }
      pos += 2;
      continue;
    }
    if (c === 0x28 /* ( */) {
      level++;
      if (level > 32) return undefined;
    }
    if (c === 0x29 /* ) */) {
      if (level === 0) break;
      level--;
    }
    pos++;
  }
  if (pos === start || level !== 0) return undefined;
  return { end: pos, href: unescapeAll(src.slice(start, pos)), rawStart: start, rawEnd: pos };
}

/**
 * Offset just past a title `"..."`, `'...'` or `(...)` starting at `start`, or -1. The title may
 * run over lines (the caller bounds it to one paragraph).
 */
export function parseLinkTitle(src: string, start: number, max: number): number {
  if (start >= max) return -1;
  let marker = src.charCodeAt(start);
  if (marker !== 0x22 && marker !== 0x27 && marker !== 0x28) return -1;
  if (marker === 0x28) marker = 0x29;
  for (let pos = start + 1; pos < max; pos++) {
    const c = src.charCodeAt(pos);
    if (c === marker) return pos + 1;
    if (c === 0x28 && marker === 0x29) return -1;
    if (c === 0x5c) pos++;
  }
  return -1;
}

const ESCAPABLE = /\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Resolves backslash escapes and numeric and the common named entities (markdown-it knows all of HTML's; notes use these). */
function unescapeAll(text: string): string {
  if (text.indexOf('\\') < 0 && text.indexOf('&') < 0) return text;
  return text.replace(ESCAPABLE, '$1').replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name];
    const code = dec ? parseInt(dec, 10) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const BAD_PROTOCOL = /^(vbscript|javascript|file|data):/;
const GOOD_DATA = /^data:image\/(gif|png|jpeg|webp);/;

/** markdown-it refuses these destinations; a link with one is no link. */
export function isAllowedDestination(href: string): boolean {
  const lower = href.trim().toLowerCase();
  return !BAD_PROTOCOL.test(lower) || GOOD_DATA.test(lower);
}
