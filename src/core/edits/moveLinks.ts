// Which bytes change when notes or attachments move: every link that named a moved file is
// rewritten to name it at its new place, and the relative links inside a moved note are
// fixed. Only link targets change: labels, headings, block ids and everything else stay.
import { folderOf, isNotePath } from '../index/paths';
import type { NoteQueries, ResolvedLink } from '../index/types';
import type { LinkItem } from '../syntax/types';
import { destinationFor, destinationStillMeans, VaultPaths, wikiTargetFor, wikiTargetStillMeans } from './targets';
import { sortChanges, type FileMove, type TextChange } from './types';

/** `from` itself when the index holds it, else every note and attachment inside it as a folder. */
export function expandMove(index: NoteQueries, from: string, to: string): FileMove[] {
  if (index.has(from)) return [{ from, to }];
  const prefix = from + '/';
  const moves: FileMove[] = [];
  for (const note of index.notes()) if (note.path.startsWith(prefix)) moves.push({ from: note.path, to: to + note.path.slice(from.length) });
  for (const a of index.attachments()) if (a.startsWith(prefix)) moves.push({ from: a, to: to + a.slice(from.length) });
  return moves;
}

/**
 * The text changes that keep every link meaning the same file once `moves` are done. Ranges are in the notes' current texts, under their current paths.
 * The linking notes' texts are read first (back, where the index keeps none: a note changed on disk is reindexed by the read), then their links taken.
 */
export async function planLinkUpdates(index: NoteQueries, moves: readonly FileMove[]): Promise<TextChange[]> {
  const moved = new Map<string, string>();
  for (const m of moves) if (m.from !== m.to && index.has(m.from)) moved.set(m.from, m.to);
  if (moved.size === 0) return [];
  const texts = await index.readTexts(linksToUpdate(index, moved).map(l => l.source));
  const after = (p: string) => moved.get(p) ?? p;
  const paths = new VaultPaths([...index.notes()].map(n => after(n.path)), [...index.attachments()].map(after));

  const changes: TextChange[] = [];
  for (const { source, link, resolution } of linksToUpdate(index, moved)) {
    if (resolution.kind !== 'note' && resolution.kind !== 'attachment') continue;
    const text = texts.get(source);
    if (text === undefined) continue;
    const raw = text.slice(link.targetRange.startOffset, link.targetRange.endOffset);
    const fromFolder = folderOf(after(source));
    const path = after(resolution.path);
    const newText = link.kind === 'markdown'
      ? markdownTarget(link, raw, text, fromFolder, path)
      : wikiTarget(link, resolution.kind === 'note' ? resolution.via : undefined, fromFolder, path, resolution.kind === 'attachment', paths);
    if (newText !== undefined && newText !== raw) changes.push({ path: source, range: link.targetRange, newText });
  }
  return sortChanges(changes);
}

/** Links to a moved file, and a moved note's relative links (they now start from another folder). */
function linksToUpdate(index: NoteQueries, moved: ReadonlyMap<string, string>): ResolvedLink[] {
  const links = new Map<string, ResolvedLink>();
  const consider = (l: ResolvedLink) => links.set(`${l.source}\0${l.link.range.startOffset}`, l);
  for (const from of moved.keys()) {
    for (const l of index.backlinks(from)) consider(l);
    if (isNotePath(from)) for (const l of index.forwardLinks(from)) if (startsRelative(l.link)) consider(l);
  }
  return [...links.values()];
}

function startsRelative(link: LinkItem): boolean {
  const t = link.target;
  return link.kind === 'markdown' ? t !== '' : t.startsWith('./') || t.startsWith('../');
}

function wikiTarget(link: LinkItem, via: string | undefined, fromFolder: string, path: string, attachment: boolean, paths: VaultPaths): string | undefined {
  // A link by title or alias still finds its note wherever the file goes.
  if (via === 'title' || via === 'alias') return undefined;
  const context = { fromFolder, path, attachment, paths };
  if (wikiTargetStillMeans(link.target, via, context)) return undefined;
  return wikiTargetFor(link.target, context);
}

function markdownTarget(link: LinkItem, raw: string, text: string, fromFolder: string, path: string): string | undefined {
  if (destinationStillMeans(link.target, fromFolder, path)) return undefined;
  const angle = text[link.targetRange.startOffset - 1] === '<';
  return destinationFor(link.target, raw, angle, fromFolder, path);
}
