// What the cursor is on in a note's live text: a link, a #tag, a heading or a ^block-id.
// Shared by rename and references, so F2 and Shift+F12 agree on what a place means.
import { scanNote } from '../../core/syntax/scanNote';
import type { BlockIdItem, HeadingItem, LinkItem, NoteSyntax, Range, TagItem } from '../../core/syntax/types';
import * as vscode from 'vscode';

export type AtCursor =
  | { readonly kind: 'link'; readonly link: LinkItem }
  | { readonly kind: 'tag'; readonly tag: TagItem }
  | { readonly kind: 'heading'; readonly heading: HeadingItem; readonly first: boolean }
  | { readonly kind: 'block'; readonly block: BlockIdItem };

import { hasUrlScheme } from '../../core/syntax/urlScheme';
import { itemAt } from '../../core/syntax/itemAt';

export function atCursor(doc: vscode.TextDocument, position: vscode.Position, syntax: NoteSyntax = scanNote(doc.getText())): AtCursor | undefined {
  const offset = doc.offsetAt(position);
  const inside = (r: Range) => r.startOffset <= offset && offset <= r.endOffset;
  const link = itemAt(syntax.links, offset);
  if (link) return hasUrlScheme(link.target) ? undefined : { kind: 'link', link };
  const tag = itemAt(syntax.tags, offset, true);
  if (tag) return { kind: 'tag', tag };
  const block = itemAt(syntax.blockIds, offset, true);
  if (block) return { kind: 'block', block };
  const i = syntax.headings.findIndex(h => h.range.start.line === position.line || inside(h.range));
  if (i >= 0) return { kind: 'heading', heading: syntax.headings[i], first: i === 0 };
  return undefined;
}
