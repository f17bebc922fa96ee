// Every place that points at a note, a heading, a block or a tag: what Find All References
// lists. Answers from the index (links by range, so frontmatter links count once they are links).
import type { NoteQueries } from '../index/types';
import type { Range } from '../syntax/types';
import { blockMatches, headingMatches, wantedHeading } from './subpaths';

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
  return linksInto(index, path).filter(l => {
    const wanted = wantedHeading(l.link);
    return l.link.block === undefined && wanted !== undefined && headingMatches(heading, wanted);
  }).map(l => ({ path: l.source, range: l.link.range }));
}

/** Links to a `^block-id` of a note. */
export function linksToBlock(index: NoteQueries, path: string, id: string): Reference[] {
  return linksInto(index, path)
    .filter(l => l.link.block !== undefined && blockMatches(l.link.block, id))
    .map(l => ({ path: l.source, range: l.link.range }));
}

/** Every occurrence of a tag and of the tags below it (`#ml` finds `#ml/rl`), frontmatter included. */
export function tagReferences(index: NoteQueries, tag: string): Reference[] {
  return index.notesWithTag(tag.replace(/^#/, ''), { nested: true }).map(o => ({ path: o.path, range: o.tag.range }));
}

function linksInto(index: NoteQueries, path: string) {
  const own = index.forwardLinks(path).filter(l => l.resolution.kind === 'self');
  return [...index.backlinks(path), ...own];
}
