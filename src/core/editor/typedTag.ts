// The `#tag` the user is in the middle of typing, in the body or in the frontmatter's `tags:`,
// and the span a chosen tag replaces. The scanner decides what is a tag position: nothing in
// code, math, links or a heading's `# `. Host-free: unit-tested in Node.
import { scanNote } from '../syntax/scanNote';
import { tagEnd } from '../syntax/tagChars';
import { frontmatterValueAt } from './frontmatterValue';

export interface TypedTag {
  /** What is typed so far, without `#`. */
  readonly typed: string;
  /** Where the chosen tag name goes (after `#` in the body) and up to where it replaces (the whole word under the cursor). */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** Where the index's range of this very tag starts: its `#` in the body, its word in the frontmatter. */
  readonly hash: number;
  readonly where: 'body' | 'frontmatter';
}

/** The tag being typed at `offset`, or undefined when the cursor is not at a tag position. */
export function typedTagAt(text: string, offset: number): TypedTag | undefined {
  return frontmatterTagAt(text, offset) ?? bodyTagAt(text, offset);
}

function bodyTagAt(text: string, offset: number): TypedTag | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const hash = text.lastIndexOf('#', offset - 1);
  if (hash < lineStart) return undefined;
  // With a letter put right after `#`, the tag must reach the cursor: everything typed is tag characters.
  const probe = text.slice(0, hash + 1) + 'x' + text.slice(hash + 1);
  const end = tagEnd(probe, hash, lineEndOf(probe, hash));
  if (end < offset + 1) return undefined;
  const isTag = scanNote(probe).tags.some(t => t.source === 'inline' && t.range.startOffset === hash);
  if (!isTag) return undefined;
  return { typed: text.slice(hash + 1, offset), replaceStart: hash + 1, replaceEnd: end - 1, hash, where: 'body' };
}

function frontmatterTagAt(text: string, offset: number): TypedTag | undefined {
  const value = frontmatterValueAt(text, offset);
  if (!value || (value.key !== 'tags' && value.key !== 'tag')) return undefined;
  // The word under the cursor: a list item, or one of several words of `tags: ml research`.
  const stop = /[\s,[\]"']/;
  let start = offset;
  while (start > value.valueStart && !stop.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < value.valueEnd && !stop.test(text[end]!)) end++;
  const word = start;
  if (text[start] === '#') start++;
  if (start > offset) return undefined;
  return { typed: text.slice(start, offset), replaceStart: start, replaceEnd: end, hash: word, where: 'frontmatter' };
}

function lineEndOf(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  return text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}
