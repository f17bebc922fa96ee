// Every place that points at a note, a heading, a block or a tag: what Find All References
// lists. Answers from the index (links by range, so frontmatter links count once they are links).
import type { NoteQueries } from '../index/types';
import { linkFragment, resolveFragment } from '../syntax/fragment';
import type { LinkItem, NoteSyntax, Range } from '../syntax/types';

export interface Reference {
  readonly path: string;
  readonly range: Range;
}

/** Every link to the note at `path` (or to a placeholder), in path then text order. */
export function linksToNote(index: NoteQueries, target: string | { placeholder: string }): Reference[] {
  return index.backlinks(target).map(b => ({ path: b.source, range: b.link.range }));
}

/** Links to one heading of a note, same-note `[[#Heading]]` links included. */
export function linksToHeading(index: NoteQueries, path: string, heading: { text: string; slug: string; level: number; range: Range }): Reference[] {
  const syntax = index.note(path)?.syntax;
  return linksInto(index, path).filter(l => syntax !== undefined && namesHeading(syntax, l.link, heading))
    .map(l => ({ path: l.source, range: l.link.range }));
}

/** Links to a `^block-id` of a note. */
export function linksToBlock(index: NoteQueries, path: string, id: string): Reference[] {
  const syntax = index.note(path)?.syntax;
  return linksInto(index, path).filter(l => syntax !== undefined && namesBlock(syntax, l.link, id))
    .map(l => ({ path: l.source, range: l.link.range }));
}

type Fragments = Pick<NoteSyntax, 'headings' | 'blockIds'>;

/** Whether `link` names `heading` of the note whose headings and blocks are `syntax` (the one resolution F12 and the check use). */
export function namesHeading(syntax: Fragments, link: Pick<LinkItem, 'heading' | 'block'>, heading: { readonly range: Range }): boolean {
  const found = resolveFragment(syntax, link);
  return found !== undefined && 'heading' in found && found.heading.range.startOffset === heading.range.startOffset;
}

/** Whether `link` names the block `^id` of the note whose headings and blocks are `syntax`. */
export function namesBlock(syntax: Fragments, link: Pick<LinkItem, 'heading' | 'block'>, id: string): boolean {
  const wanted = linkFragment(link);
  if (wanted?.block === undefined) return false;
  const found = resolveFragment(syntax, wanted);
  return found !== undefined && 'block' in found && found.block.id.toLowerCase() === id.toLowerCase();
}

/** Every occurrence of a tag and of the tags below it (`#ml` finds `#ml/rl`), frontmatter included. */
export function tagReferences(index: NoteQueries, tag: string): Reference[] {
  return index.notesWithTag(tag.replace(/^#/, ''), { nested: true }).map(o => ({ path: o.path, range: o.tag.range }));
}

function linksInto(index: NoteQueries, path: string) {
  const own = index.forwardLinks(path).filter(l => l.resolution.kind === 'self');
  return [...index.backlinks(path), ...own];
}
