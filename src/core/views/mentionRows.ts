// Unlinked mentions of a note, grouped by the note they are in, one row per line with the
// line as a snippet (every mention on it highlighted), and the text that links each one:
// `[[target]]` when the mention reads exactly as the target, `[[target|Mention as written]]` otherwise.
import { comparePaths, folderOf } from '../index/paths';
import { compareTitles } from './titleOrder';
import type { NoteInfo, NoteQueries, UnlinkedMention } from '../index/types';
import type { Range } from '../syntax/types';
import { snippetOfSpans, type Snippet } from './snippet';

/** One place a note is named without a link. */
export interface Mention {
  /** The words as written in the source note. */
  readonly text: string;
  readonly range: Range;
  /** What replaces `range` when this mention is linked. */
  readonly replacement: string;
}

/** One line of a source note that names the note, however many times. */
export interface MentionRow {
  readonly source: string;
  /** 0-based. */
  readonly line: number;
  readonly context: string;
  readonly snippet: Snippet;
  /** Every mention on the line, in the order written. */
  readonly mentions: readonly Mention[];
}

export interface MentionGroup {
  readonly source: string;
  readonly title: string;
  readonly folder: string;
  readonly rows: readonly MentionRow[];
}

/** How many mentions (not lines) the groups hold. */
export function mentionCount(groups: readonly MentionGroup[]): number {
  let n = 0;
  for (const g of groups) for (const r of g.rows) n += r.mentions.length;
  return n;
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
  // Mentions come sorted by source and offset: those of one line are neighbours.
  const bySource = new Map<string, UnlinkedMention[][]>();
  for (const m of found) {
    let lines = bySource.get(m.source);
    if (!lines) bySource.set(m.source, lines = []);
    const last = lines[lines.length - 1];
    if (last && last[0]!.range.start.line === m.range.start.line) last.push(m);
    else lines.push([m]);
  }
  const groups: MentionGroup[] = [];
  for (const [source, lines] of bySource) {
    const text = texts.get(source) ?? '';
    groups.push({ source, title: index.note(source)?.title ?? source, folder: folderOf(source), rows: lines.map(l => rowOf(l, text, target)) });
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

function rowOf(line: readonly UnlinkedMention[], text: string, target: string): MentionRow {
  const first = line[0]!;
  // The context is the line (markers trimmed), the same for every mention on it: find where it starts.
  const lineStart = first.range.startOffset - first.range.start.character;
  const contextStart = text.indexOf(first.context, lineStart);
  const known = contextStart >= 0 && contextStart <= first.range.startOffset;
  const spans = line.map(m => known ? [m.range.startOffset - contextStart, m.range.endOffset - contextStart] as const : [-1, -1] as const);
  return {
    source: first.source,
    line: first.range.start.line,
    context: first.context,
    snippet: snippetOfSpans(first.context, spans),
    mentions: line.map(m => ({ text: m.text, range: m.range, replacement: mentionLinkText(target, m.text) })),
  };
}

/** Every mention of the rows, last first in each note, so applying them in order never shifts the next. */
export function mentionsLastFirst(rows: readonly MentionRow[]): (Mention & { readonly source: string })[] {
  return rows
    .flatMap(r => r.mentions.map(m => ({ ...m, source: r.source })))
    .sort((a, b) => comparePaths(a.source, b.source) || b.range.startOffset - a.range.startOffset);
}
