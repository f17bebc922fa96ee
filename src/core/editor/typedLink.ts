// The wiki-link the user is in the middle of typing (`[[tra|`, `[[note#Int|`), and the
// span a chosen suggestion replaces. Pure (no `vscode`): unit-tested in Node.
import { scanNote } from '../syntax/scanNote';

export interface TypedLink {
  /** Offset of `[[`. */
  readonly open: number;
  /** The target typed so far (before any `#`). */
  readonly target: string;
  /** Set when the cursor is past `#` (a heading) or `#^` (a block id). */
  readonly subpath?: { readonly kind: 'heading' | 'block'; readonly typed: string };
  /** Where the suggestion goes: after `[[`, or after `#` / `#^` when completing a subpath. */
  readonly replaceStart: number;
  /** Up to where it replaces: the cursor, or past the `]]` already there (auto-closed). */
  readonly replaceEnd: number;
  /** Whether the suggestion must bring its own `]]`: false when `|label]]` or `#x]]` follows. */
  readonly addsClosing: boolean;
}

/** The link being typed at `offset`, or undefined when the cursor is not in one. */
export function typedLinkAt(text: string, offset: number): TypedLink | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const openInLine = before.lastIndexOf('[[');
  if (openInLine < 0) return undefined;
  const typed = before.slice(openInLine + 2);
  // Past `]]` the link is closed; past `|` the user types a label, not a target.
  if (/[[\]|]/.test(typed)) return undefined;
  const open = lineStart + openInLine;

  const newline = text.indexOf('\n', offset);
  const after = text.slice(offset, newline < 0 ? text.length : newline).replace(/\r$/, '');
  const tail = /^[^[\]|#]*/.exec(after)![0];
  const next = after.slice(tail.length);
  // Swallow the rest of the target and an auto-closed `]]` (or the lone `]` fast typing can
  // leave: the editor does not always pair the second `[`); before `|` or `#`, keep what follows.
  const closing = /^\]\]?/.exec(next)?.[0].length ?? 0;
  const [replaceEnd, addsClosing] = closing > 0 ? [offset + tail.length + closing, true]
    : /^[|#]/.test(next) ? [offset + tail.length, false]
    : [offset, true];

  const hash = typed.indexOf('#');
  if (hash < 0) return { open, target: typed, replaceStart: open + 2, replaceEnd, addsClosing };
  const block = typed[hash + 1] === '^';
  const subStart = hash + (block ? 2 : 1);
  return {
    open,
    target: typed.slice(0, hash),
    subpath: { kind: block ? 'block' : 'heading', typed: typed.slice(subStart) },
    replaceStart: open + 2 + subStart,
    replaceEnd,
    addsClosing,
  };
}

/**
 * True when `[[` at `link.open` would start a link: not in code, math, a comment or the
 * frontmatter. Asks the scanner (the one judge of what is a link) with the link closed.
 */
export function isLinkPosition(text: string, link: TypedLink): boolean {
  const probe = text.slice(0, link.open) + '[[x]]' + text.slice(link.replaceEnd);
  return scanNote(probe).links.some(l =>
    l.kind !== 'markdown' && l.range.startOffset <= link.open && link.open < l.range.endOffset);
}
