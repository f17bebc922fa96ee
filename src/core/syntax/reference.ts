// Link reference definitions (`[label]: dest "title"`): lines markdown-it takes out of the text,
// so nothing in them is found. The references themselves are not links between notes.
import type { BlockState } from './blockState';
import { isAllowedDestination, parseLinkDestination } from './linkParts';

const MAX_LABEL = 999;

/** Where `[label]: dest` points, kept by normalized label for `[text][label]` and `[label]`. */
export interface Definition {
  readonly href: string;
  readonly rawStart: number;
  readonly rawEnd: number;
}

/** How markdown-it matches a reference to its definition: trimmed, inner whitespace collapsed, case folded. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** Start of the text of `line` if it may continue a definition, else -1 (markdown-it's getNextLinePos). */
function continuation(s: BlockState, line: number): number {
  if (line >= s.lineMax || s.isEmpty(line)) return -1;
  const lazy = s.sCount[line] - s.blkIndent > 3 || s.sCount[line] < 0;
  if (!lazy) {
    const oldParentType = s.parentType;
    s.parentType = 'reference';
    const stop = s.terminates(s.terminators.reference, line, s.lineMax);
    s.parentType = oldParentType;
    if (stop) return -1;
  }
  return s.bMarks[line] + s.tShift[line];
}

/** A cursor over the definition's text: `pos` on `line`, whose text ends at `max` (the line break). */
interface Cursor {
  pos: number;
  line: number;
  max: number;
}

/** Skips spaces and tabs, and line breaks into lines that may continue the definition. */
function skipWhitespace(s: BlockState, at: Cursor): void {
  for (;;) {
    const c = s.src.charCodeAt(at.pos);
    if (at.pos >= at.max) {
      const next = continuation(s, at.line + 1);
      if (next < 0) return;
      at.line++;
      at.pos = next;
      at.max = s.eMarks[at.line];
    } else if (c === 0x20 || c === 0x09) {
      at.pos++;
    } else {
      return;
    }
  }
}

/** Moves the cursor past a title that may run over lines; false when there is none. */
function skipTitle(s: BlockState, at: Cursor): boolean {
  const src = s.src;
  let marker = src.charCodeAt(at.pos);
  if (at.pos >= at.max || (marker !== 0x22 && marker !== 0x27 && marker !== 0x28)) return false;
  if (marker === 0x28) marker = 0x29;
  const cur = { ...at, pos: at.pos + 1 };
  for (;;) {
    for (; cur.pos < cur.max; cur.pos++) {
      const c = src.charCodeAt(cur.pos);
      if (c === marker) {
        at.pos = cur.pos + 1;
        at.line = cur.line;
        at.max = cur.max;
        return true;
      }
      if (c === 0x28 && marker === 0x29) return false;
      if (c === 0x5c) cur.pos++;
    }
    const next = continuation(s, cur.line + 1);
    if (next < 0) return false;
    cur.line++;
    cur.pos = next;
    cur.max = s.eMarks[cur.line];
  }
}

function atLineEnd(s: BlockState, at: Cursor): boolean {
  return s.skipSpaces(at.pos) >= at.max;
}

export function reference(s: BlockState, startLine: number, _endLine: number, silent: boolean): boolean {
  const src = s.src;
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const start = s.bMarks[startLine] + s.tShift[startLine];
  if (src.charCodeAt(start) !== 0x5b /* [ */) return false;

  // The label: up to `]`, no `[`, may run over lines; then `:`.
  const at: Cursor = { pos: start + 1, line: startLine, max: s.eMarks[startLine] };
  let labelLength = 0;
  let hasText = false;
  let label = '';
  let labelPart = at.pos;
  for (;;) {
    if (at.pos >= at.max) {
      const next = continuation(s, at.line + 1);
      if (next < 0) return false;
      label += src.slice(labelPart, at.max) + '\n';
      labelPart = next;
      at.line++;
      at.pos = next;
      at.max = s.eMarks[at.line];
      labelLength++;
      continue;
    }
    let c = src.charCodeAt(at.pos);
    if (c === 0x5b) return false;
    if (c === 0x5d) break;
    if (c === 0x5c && at.pos + 1 < at.max) c = src.charCodeAt(++at.pos);
    if (c !== 0x20 && c !== 0x09) hasText = true;
    if (++labelLength > MAX_LABEL * 2) return false;
    at.pos++;
  }
  if (src.charCodeAt(at.pos + 1) !== 0x3a /* : */ || at.pos + 1 >= at.max) return false;
  if (!hasText || labelLength > MAX_LABEL) return false;
  label += src.slice(labelPart, at.pos);
  at.pos += 2;

  skipWhitespace(s, at);
  const dest = parseLinkDestination(src, at.pos, at.max);
  if (!dest || !isAllowedDestination(dest.href)) return false;
  at.pos = dest.end;
  const afterDest: Cursor = { ...at };

  skipWhitespace(s, at);
  const titleStart = at.pos;
  let end: Cursor = afterDest;
  if (titleStart !== afterDest.pos && skipTitle(s, at) && atLineEnd(s, at)) end = at;
  if (!atLineEnd(s, end)) return false;
  if (silent) return true;
  s.line = end.line + 1;
  s.out.definition(normalizeLabel(label), dest.href, dest.rawStart, dest.rawEnd);
  return true;
}
