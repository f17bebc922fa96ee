// The text around a link that a Backlinks section quotes: its paragraph or list item,
// trimmed, without the list marker, and where that text starts.
import type { Position, Range, Span } from '../syntax/types';

// `- `, `* `, `+ `, `1. `, `1) `, a task box after it, and quote markers before it.
const LEADING_MARKERS = /^(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/;

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
  const marker = LEADING_MARKERS.exec(text.slice(start, Math.min(end, start + 40)));
  if (marker) start += marker[0].length;
  return { text: text.slice(start, end), start: positionNear(text, start, near.start, near.startOffset) };
}

/** The position of `offset`, counting lines from a known position rather than from the top of the text. */
export function positionNear(text: string, offset: number, known: Position, knownOffset: number): Position {
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
