// The text around a link that a Backlinks section quotes: its paragraph or list item,
// trimmed, and where that text starts. The scanner's span of a list item starts after its
// marker, and a paragraph in a quote after its first `>`: what is left to take off is a task
// box after a list marker, and the quote markers and indentation that open each later line
// (markdown drops them too). Lines stay lines, so the context has as many as its span.

import type { Position, Range, Span } from '../syntax/types';

// Quote markers and a list marker at the start (a mention's context is its whole line).
const LEADING_MARKERS = /^(?:[ \t]*>[ \t]?)*[ \t]*((?:[-*+]|\d{1,9}[.)])[ \t]+)?/;
// `- `, `* `, `+ `, `1. `, `1) ` just before the span, on its line: the span is a list item's.
const LIST_MARKER_BEFORE = /(?:^|[ \t>])(?:[-*+]|\d{1,9}[.)])[ \t]+$/;
const TASK_BOX = /^\[[ xX]\](?=\s|$)/;
const CONTINUATION_PREFIX = /\n[ \t]*(?:>[ \t]?)*[ \t]*/g;

export interface ContextText {
  readonly text: string;
  readonly start: Position;
}

/** `near` is any range inside the span whose position is known (the link's): positions are counted from it, not from the top. */
export function contextText(text: string, span: Span, near: Range): ContextText {
  let start = span.startOffset;
  let end = span.endOffset;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const marker = LEADING_MARKERS.exec(text.slice(start, Math.min(end, start + 200)))!;
  start += marker[0].length;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (marker[1] !== undefined || (start - lineStart <= 100 && LIST_MARKER_BEFORE.test(text.slice(lineStart, start)))) {
    const box = TASK_BOX.exec(text.slice(start, Math.min(end, start + 8)));
    if (box) start += box[0].length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
  }
  const body = text.slice(start, end);
  return { text: body.indexOf('\n') < 0 ? body : body.replace(CONTINUATION_PREFIX, '\n'), start: positionNear(text, start, near.start, near.startOffset) };
}

/** The position of `offset`, counting lines from a known position rather than from the top of the text. */
function positionNear(text: string, offset: number, known: Position, knownOffset: number): Position {
  const from = Math.min(offset, knownOffset);
  const to = Math.max(offset, knownOffset);
  let newlines = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) newlines++;
  const line = known.line + (offset < knownOffset ? -newlines : newlines);
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  return { line, character: offset - lineStart };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
