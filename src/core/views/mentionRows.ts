// Unlinked mentions of a note, grouped by the note they are in, each with its line as a
// snippet (the mention highlighted), and the text that links one: `[[target]]` when the
// mention reads exactly as the target, `[[target|Mention as written]]` otherwise.
import { comparePaths, folderOf } from '../index/paths';
import { compareTitles } from './titleOrder';
import type { NoteInfo, NoteQueries, UnlinkedMention } from '../index/types';
import type { Range } from '../syntax/types';
import { snippetOf, type Snippet } from './snippet';

export interface MentionRow {
  readonly source: string;
  /** The words as written in the source note. */
  readonly text: string;
  readonly range: Range;
  readonly context: string;
  readonly snippet: Snippet;
  /** What replaces `range` when this mention is linked. */
  readonly replacement: string;
}

export interface MentionGroup {
  readonly source: string;
  readonly title: string;
  readonly folder: string;
  readonly mentions: readonly MentionRow[];
}

export async function mentionGroups(index: NoteQueries, path: string): Promise<MentionGroup[]> {
  return groupMentions(index, path, await index.loadUnlinkedMentions(path));
}

/**
 * How many notes one step of `searchMentions` reads: about 10 ms the first time (each note's
 * word filter is made then, mentionIndex.ts), well under a millisecond after that.
 */
const MENTION_SLICE = 250;

/**
 * The same search in slices of notes, one per `next()`, so a host can yield between them
 * and drop a search the user has moved on from; the groups are the generator's return value.
 * Asynchronous: where the index keeps no texts, a slice reads its notes back.
 */
export async function* searchMentions(index: NoteQueries, path: string, slice = MENTION_SLICE): AsyncGenerator<number, MentionGroup[]> {
  const paths: string[] = [];
  for (const n of index.notes()) if (n.path !== path) paths.push(n.path);
  const found: UnlinkedMention[] = [];
  for (let i = 0; i < paths.length; i += slice) {
    for (const m of await index.loadUnlinkedMentions(path, paths.slice(i, i + slice))) found.push(m);
    if (i + slice < paths.length) yield Math.min(paths.length, i + slice);
  }
  return groupMentions(index, path, found);
}

/**
 * What a mention search read: the note's names and every other note as the index held it.
 * The index hands out a new NoteInfo for each note it rescans, so an unchanged snapshot
 * means the last result still holds (typing in the note itself changes nothing elsewhere).
 */
export interface MentionSnapshot {
  readonly path: string;
  readonly names: string;
  readonly notes: ReadonlyMap<string, NoteInfo>;
}

export function mentionSnapshot(index: NoteQueries, path: string): MentionSnapshot {
  const notes = new Map<string, NoteInfo>();
  for (const n of index.notes()) if (n.path !== path) notes.set(n.path, n);
  return { path, names: namesOf(index, path), notes };
}

/** Whether a search made at `snapshot` would still find the same (cheap: one lookup a note). */
export function mentionsUnchanged(index: NoteQueries, snapshot: MentionSnapshot): boolean {
  if (namesOf(index, snapshot.path) !== snapshot.names) return false;
  let count = 0;
  for (const n of index.notes()) {
    if (n.path === snapshot.path) continue;
    if (snapshot.notes.get(n.path) !== n) return false;
    count++;
  }
  return count === snapshot.notes.size;
}

function namesOf(index: NoteQueries, path: string): string {
  const note = index.note(path);
  return note ? [note.title, ...note.aliases].join('\u0000') : '';
}

async function groupMentions(index: NoteQueries, path: string, found: readonly UnlinkedMention[]): Promise<MentionGroup[]> {
  const texts = await index.readTexts(found.map(m => m.source));
  const target = linkTargetOf(index, path);
  const bySource = new Map<string, MentionRow[]>();
  for (const m of found) {
    let rows = bySource.get(m.source);
    if (!rows) bySource.set(m.source, rows = []);
    rows.push(rowOf(m, texts.get(m.source) ?? '', target));
  }
  const groups: MentionGroup[] = [];
  for (const [source, mentions] of bySource) {
    groups.push({ source, title: index.note(source)?.title ?? source, folder: folderOf(source), mentions });
  }
  return groups.sort((a, b) => compareTitles(a.title, b.title) || comparePaths(a.source, b.source));
}

/** The shortest target that names the note uniquely, as `[[` completion inserts it. */
export function linkTargetOf(index: NoteQueries, path: string): string {
  return index.completionCandidates(path).find(c => !c.placeholder && c.path === path)?.insertText ?? path.replace(/\.md$/i, '');
}

/** `[[target]]`, or `[[target|as written]]` when the words differ from the target in case or form. */
export function mentionLinkText(target: string, written: string): string {
  return written === target ? `[[${target}]]` : `[[${target}|${written}]]`;
}

function rowOf(m: UnlinkedMention, text: string, target: string): MentionRow {
  // The mention's context is its line (markers trimmed): find where it starts on that line.
  const lineStart = m.range.startOffset - m.range.start.character;
  const contextStart = text.indexOf(m.context, lineStart);
  const start = contextStart < 0 || contextStart > m.range.startOffset ? -1 : m.range.startOffset - contextStart;
  return {
    source: m.source,
    text: m.text,
    range: m.range,
    context: m.context,
    snippet: snippetOf(m.context, start, start < 0 ? -1 : start + m.text.length),
    replacement: mentionLinkText(target, m.text),
  };
}

/** Every mention of every group, last first in each note, so applying them in order never shifts the next. */
export function allMentions(groups: readonly MentionGroup[]): MentionRow[] {
  return groups.flatMap(g => [...g.mentions].sort((a, b) => b.range.startOffset - a.range.startOffset));
}
