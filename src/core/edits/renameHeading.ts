// F2 on a heading: the heading's text and every link to it (`[[note#Heading]]`, `[t](note.md#slug)`,
// same-note `[[#Heading]]`) change together.
import type { NoteQueries } from '../index/types';
import { githubSlug } from '../syntax/slug';
import type { BlockIdItem, HeadingItem, Range } from '../syntax/types';
import { encodeDestination } from './targets';
import { lastHeadingPart } from '../syntax/fragment';
import { namesBlock, namesHeading } from './references';
import { rangeAt } from '../syntax/positions';
import { subpathRange } from './subpaths';
import { sortChanges, type TextChange } from './types';

/** Where the heading's text is on its line (after `#`s, before closing `#`s; setext: its first line). */
export function headingTextRange(text: string, heading: HeadingItem): Range | undefined {
  const lineEnd = text.indexOf('\n', heading.range.startOffset);
  const line = text.slice(heading.range.startOffset, lineEnd < 0 ? text.length : lineEnd);
  const marker = /^ {0,3}#{1,6}[ \t]+/.exec(line);
  const at = line.indexOf(heading.text, marker ? marker[0].length : 0);
  if (at < 0 || heading.text === '') return undefined;
  const start = heading.range.startOffset + at;
  return rangeAt(text, heading.range, start, start + heading.text.length);
}

export type HeadingRename = { readonly ok: true; readonly changes: TextChange[] } | { readonly ok: false; readonly reason: string };

/** The note's text and its linking notes' (read back where the index keeps none; a note changed on disk is reindexed by the read). */
async function textsAround(index: NoteQueries, path: string): Promise<Map<string, string>> {
  return index.readTexts([path, ...index.backlinks(path).map(l => l.source)]);
}

function linksToNote(index: NoteQueries, path: string) {
  return [...index.backlinks(path), ...index.forwardLinks(path).filter(l => l.resolution.kind === 'self')];
}

export async function planHeadingRename(index: NoteQueries, path: string, heading: HeadingItem, newText: string): Promise<HeadingRename> {
  const wanted = newText.trim();
  if (wanted === '' || /[\n#|[\]]/.test(wanted)) return { ok: false, reason: 'a heading linked to cannot be empty or hold #, |, [ or ]' };
  const texts = await textsAround(index, path);
  const text = texts.get(path);
  const own = text === undefined ? undefined : headingTextRange(text, heading);
  if (!own) return { ok: false, reason: `the heading "${heading.text}" is not in ${path} as the index has it` };
  const changes: TextChange[] = [{ path, range: own, newText: wanted }];
  const syntax = index.note(path)?.syntax;
  for (const { source, link } of linksToNote(index, path)) {
    if (!syntax || !namesHeading(syntax, link, heading)) continue;
    const named = lastHeadingPart(link.heading!);
    const sourceText = texts.get(source);
    const range = sourceText === undefined ? undefined : subpathRange(sourceText, link);
    if (!range) continue;
    // A markdown link names the slug, written the way it was (`#scaled-dot-product`).
    const slugLike = link.kind === 'markdown' || named === heading.slug && named !== heading.text;
    changes.push({ path: source, range, newText: slugLike ? encodeDestination(githubSlug(wanted), false) : wanted });
  }
  return { ok: true, changes: sortChanges(changes) };
}

/** F2 on a `^block-id`: the id and every `[[note#^id]]` to it. */
export async function planBlockRename(index: NoteQueries, path: string, block: BlockIdItem, newId: string): Promise<HeadingRename> {
  const id = newId.trim().replace(/^\^/, '');
  if (!/^[A-Za-z0-9-]+$/.test(id)) return { ok: false, reason: 'a block id is letters, digits and - only' };
  const texts = await textsAround(index, path);
  const text = texts.get(path);
  if (text === undefined || text.slice(block.range.startOffset, block.range.endOffset) !== '^' + block.id) {
    return { ok: false, reason: `the block ^${block.id} is not in ${path} as the index has it` };
  }
  const changes: TextChange[] = [{ path, range: rangeAt(text, block.range, block.range.startOffset + 1, block.range.endOffset), newText: id }];
  const syntax = index.note(path)?.syntax;
  for (const { source, link } of linksToNote(index, path)) {
    if (!syntax || !namesBlock(syntax, link, block.id)) continue;
    const sourceText = texts.get(source);
    const range = sourceText === undefined ? undefined : subpathRange(sourceText, link);
    if (range) changes.push({ path: source, range, newText: id });
  }
  return { ok: true, changes: sortChanges(changes) };
}
