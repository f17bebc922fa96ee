// Which frontmatter property the cursor is in the value of (`tags: [ml, tr‸`, `related: "[[‸`,
// or a `- item` line under a key). The scanner decides where the frontmatter is; this reads the
// key of the cursor's line the way the frontmatter reader does (a key starts its line).
import { scanNote } from '../syntax/scanNote';

export interface FrontmatterValue {
  /** The property, as written (`tags`, `related`). */
  readonly key: string;
  /** The value's text on the cursor's line: after `key:`, or after `- ` on a list line; the line's end. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

const KEY_LINE = /^([^\s:#\-[{"'?][^:]*?):(?:[ \t]|$)/;
const LIST_ITEM = /^[ \t]*-(?:[ \t]|$)/;

/** The property value the cursor is in, or undefined outside the frontmatter or on a key. */
export function frontmatterValueAt(text: string, offset: number): FrontmatterValue | undefined {
  // Cheap test first: frontmatter opens the note.
  if (!text.startsWith('---')) return undefined;
  const fm = scanNote(text).frontmatter;
  if (!fm || offset <= fm.range.startOffset) return undefined;
  const firstLineEnd = text.indexOf('\n');
  const lastLineStart = text.lastIndexOf('\n', fm.range.endOffset - 1) + 1;
  if (offset <= firstLineEnd || offset >= lastLineStart) return undefined;

  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = endOfLine(text, offset);
  const line = text.slice(lineStart, lineEnd);
  const key = KEY_LINE.exec(line);
  if (key) {
    const valueStart = lineStart + key[0].length;
    return offset >= valueStart ? { key: key[1]!.trim(), valueStart, valueEnd: lineEnd } : undefined;
  }
  const item = LIST_ITEM.exec(line);
  if (!item) return undefined;
  const valueStart = lineStart + item[0].length;
  if (offset < valueStart) return undefined;
  // A list item belongs to the nearest key line above it.
  while (lineStart > firstLineEnd + 1) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const previous = text.slice(previousStart, lineStart - 1).replace(/\r$/, '');
    const k = KEY_LINE.exec(previous);
    if (k) return { key: k[1]!.trim(), valueStart, valueEnd: lineEnd };
    if (previous.trim() !== '' && !LIST_ITEM.test(previous)) return undefined;
    lineStart = previousStart;
  }
  return undefined;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  return text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}
