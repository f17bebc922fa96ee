// Leaf blocks, each as markdown-it (CommonMark) decides it: indented and fenced code, thematic
// breaks, ATX and setext headings, HTML comment blocks and paragraphs.
import blockNames from 'markdown-it/lib/common/html_blocks.mjs';
import { HTML_OPEN_CLOSE_TAG_RE } from 'markdown-it/lib/common/html_re.mjs';
import { type BlockState, TextKind } from './blockState';

/** Indented code: 4+ columns beyond the container's indent. Nothing inside is found. */
export function code(s: BlockState, startLine: number, endLine: number): boolean {
  if (s.sCount[startLine] - s.blkIndent < 4) return false;
  let next = startLine + 1;
  let last = next;
  while (next < endLine) {
    if (s.isEmpty(next)) {
      next++;
    } else if (s.sCount[next] - s.blkIndent >= 4) {
      last = ++next;
    } else {
      break;
    }
  }
  s.line = last;
  s.out.code(s.bMarks[startLine] + s.tShift[startLine], s.eMarks[last - 1]);
  return true;
}

/** ``` or ~~~ fences; the closing fence is the same character, at least as long, alone on its line; unclosed runs to the end. */
export function fence(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const src = s.src;
  const start = s.bMarks[startLine] + s.tShift[startLine];
  const max = s.eMarks[startLine];
  if (start + 3 > max) return false;
  const marker = src.charCodeAt(start);
  if (marker !== 0x7e /* ~ */ && marker !== 0x60 /* ` */) return false;
  const afterMarker = s.skipChars(start, marker);
  const len = afterMarker - start;
  if (len < 3) return false;
  // A backtick fence's info string may not hold a backtick (that line is inline code).
  if (marker === 0x60 && s.find('`', afterMarker, max) >= 0) return false;
  if (silent) return true;

  let next = startLine;
  let closed = false;
  for (;;) {
    next++;
    if (next >= endLine) break;
    const pos = s.bMarks[next] + s.tShift[next];
    const lineMax = s.eMarks[next];
    if (pos < lineMax && s.sCount[next] < s.blkIndent) break; // the container ended
    if (src.charCodeAt(pos) !== marker) continue;
    if (s.sCount[next] - s.blkIndent >= 4) continue;
    const after = s.skipChars(pos, marker);
    if (after - pos < len) continue;
    if (s.skipSpaces(after) < lineMax) continue;
    closed = true;
    break;
  }
  s.line = next + (closed ? 1 : 0);
  s.out.code(start, s.eMarks[Math.min(s.line, s.lineMax) - 1]);
  return true;
}

/** `***`, `---`, `___` (3 or more, spaces allowed between). */
export function hr(s: BlockState, startLine: number, _endLine: number, silent: boolean): boolean {
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const src = s.src;
  let pos = s.bMarks[startLine] + s.tShift[startLine];
  const max = s.eMarks[startLine];
  const marker = src.charCodeAt(pos++);
  if (marker !== 0x2a /* * */ && marker !== 0x2d /* - */ && marker !== 0x5f /* _ */) return false;
  let count = 1;
  while (pos < max) {
    const c = src.charCodeAt(pos++);
    if (c === marker) count++;
    else if (c !== 0x20 && c !== 0x09) return false;
  }
  if (count < 3) return false;
  if (!silent) s.line = startLine + 1;
  return true;
}

/** `#` .. `######` then a space or the line's end; a closing run of `#` after a space is dropped. */
export function heading(s: BlockState, startLine: number, _endLine: number, silent: boolean): boolean {
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const src = s.src;
  const start = s.bMarks[startLine] + s.tShift[startLine];
  let max = s.eMarks[startLine];
  if (src.charCodeAt(start) !== 0x23 /* # */ || start >= max) return false;
  let pos = start + 1;
  let level = 1;
  while (pos < max && src.charCodeAt(pos) === 0x23 && level <= 6) {
    level++;
    pos++;
  }
  if (level > 6) return false;
  if (pos < max && src.charCodeAt(pos) !== 0x20 && src.charCodeAt(pos) !== 0x09) return false;
  if (silent) return true;

  const lineEnd = s.skipSpacesBack(max, pos);
  max = lineEnd;
  const closing = s.skipCharsBack(max, 0x23, pos);
  if (closing > pos) {
    const before = src.charCodeAt(closing - 1);
    if (before === 0x20 || before === 0x09) max = closing;
  }
  s.line = startLine + 1;
  let textStart = s.skipSpaces(pos);
  if (textStart > max) textStart = max;
  const textEnd = Math.max(textStart, s.skipSpacesBack(max, textStart));
  s.out.heading(level, src.slice(textStart, textEnd), start, lineEnd);
  s.segStart[0] = textStart;
  s.segEnd[0] = textEnd;
  s.out.inlineText(TextKind.Heading, s.segStart, s.segEnd, 1, start, lineEnd, false);
  return true;
}

/**
 * A paragraph: lines until a blank line or a block that may interrupt it — or, if a `===` or
 * `---` line comes first, a setext heading (level 1 or 2) of the lines above it. markdown-it
 * tries these as two rules (lheading, then paragraph) that read the same lines; one pass here.
 */
export function setextOrParagraph(s: BlockState, startLine: number, endLine: number): boolean {
  const src = s.src;
  const oldParentType = s.parentType;
  s.parentType = 'paragraph'; // so the terminators judge as inside a paragraph
  // markdown-it's lheading does not apply to a line indented as code (it is a lazy paragraph line then).
  const setextAllowed = s.sCount[startLine] - s.blkIndent < 4;
  let level = 0;
  let next = startLine + 1;
  for (; next < endLine && !s.isEmpty(next); next++) {
    if (s.sCount[next] - s.blkIndent > 3) continue; // lazy continuation
    if (setextAllowed && s.sCount[next] >= s.blkIndent) {
      let pos = s.bMarks[next] + s.tShift[next];
      const marker = src.charCodeAt(pos);
      if (marker === 0x2d /* - */ || marker === 0x3d /* = */) {
        pos = s.skipSpaces(s.skipChars(pos, marker));
        if (pos >= s.eMarks[next]) {
          level = marker === 0x3d ? 1 : 2;
          break;
        }
      }
    }
    if (s.sCount[next] < 0) continue;
    if (s.terminates(s.terminators.paragraph, next, endLine)) break;
  }
  s.parentType = oldParentType;
  const count = fillLineSegments(s, startLine, next);
  if (!level) {
    s.line = next;
    s.out.inlineText(TextKind.Paragraph, s.segStart, s.segEnd, count, s.segStart[0], s.segEnd[count - 1], startLine === s.itemFirstLine);
    return true;
  }
  s.line = next + 1;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(src.slice(s.segStart[i], s.segEnd[i]));
  const start = s.segStart[0];
  const end = s.skipSpacesBack(s.eMarks[next], s.bMarks[next]);
  s.out.heading(level, parts.join(' ').trim(), start, end);
  s.out.inlineText(TextKind.Heading, s.segStart, s.segEnd, count, start, s.segEnd[count - 1], false);
  return true;
}

// CommonMark's HTML blocks as markdown-it reads them with raw HTML on (the preview's setting):
// an opening and the sequence that ends the block; the last field says whether it may interrupt
// a paragraph. Nothing inside an HTML block is markdown, so no link or tag is found there (a
// `<td>#1a1a1a</td>` colour is no tag), as the preview draws it and as Obsidian indexes it.
const HTML_SEQUENCES: readonly (readonly [RegExp, RegExp, boolean])[] = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp('^</?(' + blockNames.join('|') + ')(?=(\\s|/?>|$))', 'i'), /^$/, true],
  [new RegExp(HTML_OPEN_CLOSE_TAG_RE.source + '\\s*$'), /^$/, false],
];

/** An HTML block (markdown-it's html_block, comments included): nothing inside is found. */
export function htmlBlock(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const src = s.src;
  const start = s.bMarks[startLine] + s.tShift[startLine];
  if (src.charCodeAt(start) !== 0x3c /* < */) return false;
  let lineText = src.slice(start, s.eMarks[startLine]);
  const kind = HTML_SEQUENCES.find(seq => seq[0].test(lineText));
  if (!kind) return false;
  if (silent) return kind[2];
  const endsOnBlankLine = kind[1].test('');
  let next = startLine + 1;
  if (!kind[1].test(lineText)) {
    for (; next < endLine; next++) {
      if (s.sCount[next] < s.blkIndent && (endsOnBlankLine || !s.isEmpty(next))) break;
      lineText = src.slice(s.bMarks[next] + s.tShift[next], s.eMarks[next]);
      if (kind[1].test(lineText)) {
        if (lineText.length !== 0) next++;
        break;
      }
    }
  }
  s.line = next;
  return true;
}

/**
 * Obsidian's `%%comment%%` block, as the preview reads it (render/obsidianCommentRule.ts): from a
 * line starting `%%` to the line holding the closing `%%`. Hidden there, so nothing inside is
 * found here either: Obsidian indexes no link or tag in a comment.
 */
export function obsidianComment(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const start = s.bMarks[startLine] + s.tShift[startLine];
  if (!s.src.startsWith('%%', start)) return false;
  let line = startLine;
  for (let from = start + 2; line < endLine; line++, from = s.bMarks[line] + s.tShift[line]) {
    if (s.find('%%', from, s.eMarks[line]) >= 0) break;
  }
  if (line >= endLine) return false; // never closed: plain text, as in Obsidian's editor
  if (silent) return true;
  s.line = line + 1;
  return true;
}

/** One segment per line of [startLine, endLine): its text after indentation and container markers. */
function fillLineSegments(s: BlockState, startLine: number, endLine: number): number {
  const count = endLine - startLine;
  s.reserveSegments(count);
  for (let i = 0; i < count; i++) {
    const line = startLine + i;
    s.segStart[i] = s.bMarks[line] + s.tShift[line];
    s.segEnd[i] = s.eMarks[line];
  }
  // Trailing spaces of the last line are not part of the text (markdown-it trims them).
  s.segEnd[count - 1] = Math.max(s.segStart[count - 1], s.skipSpacesBack(s.segEnd[count - 1], s.segStart[count - 1]));
  return count;
}
