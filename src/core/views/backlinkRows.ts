// What the Backlinks view shows for a note (or a note not written yet): one group per
// linking note (title, folder, its links) and under it one row per link with the
// linking paragraph as a snippet, the link highlighted. Answered from the index alone.
import { comparePaths, folderOf } from '../index/paths';
import { compareTitles } from './titleOrder';
import type { Backlink, NoteQueries } from '../index/types';
import type { Range } from '../syntax/types';
import { snippetOf, type Snippet } from './snippet';
import type { Citing } from '../citations/cited';

export type BacklinkTarget = string | { readonly placeholder: string };

export type BacklinkSort = 'title' | 'modified';

export interface BacklinkRow {
  readonly source: string;
  /** The paragraph or list item, whole (for the tooltip). */
  readonly context: string;
  /** One line for the row: trimmed around the link when long, the link highlighted. */
  readonly snippet: Snippet;
  /** The link in the source note: what a click selects. */
  readonly range: Range;
}

export interface BacklinkGroup {
  readonly source: string;
  readonly title: string;
  /** `papers`; `''` at the vault root. */
  readonly folder: string;
  readonly links: readonly BacklinkRow[];
}

export interface BacklinkOptions {
  readonly sort?: BacklinkSort;
  /** Last modification time of a note (ms); only read when sorting by it. Unknown counts as oldest. */
  readonly modified?: (path: string) => number | undefined;
  /** A literature note's citations (the notes that cite its key): listed with the links, each with its paragraph. */
  readonly citedBy?: readonly Citing[];
}

/** Groups start expanded while there are few of them, as Obsidian's pane does. */
export const EXPAND_BELOW = 30;

/**
 * The links a reader is shown as a note's backlinks: every link to it from another note. A note's
 * links to itself (`# [[Own name]]`, a table of contents) are left out, as Obsidian's Backlinks
 * pane does; references and rename still count them (index.backlinks).
 */
export function shownBacklinks(index: Pick<NoteQueries, 'backlinks'>, target: BacklinkTarget): Backlink[] {
  const all = index.backlinks(target);
  return typeof target === 'string' ? all.filter(b => b.source !== target) : all;
}

/** `shownBacklinks` with every context, the linking notes' texts read back where the index keeps none. */
export async function loadShownBacklinks(index: Pick<NoteQueries, 'loadBacklinks'>, target: BacklinkTarget): Promise<Backlink[]> {
  const all = await index.loadBacklinks(target);
  return typeof target === 'string' ? all.filter(b => b.source !== target) : all;
}

/** The linking notes' texts are read (back, where the index keeps none) before the rows are made from them. */
export async function backlinkGroups(index: NoteQueries, target: BacklinkTarget, options: BacklinkOptions = {}): Promise<BacklinkGroup[]> {
  const backlinks = await loadShownBacklinks(index, target);
  const texts = await index.readTexts([...backlinks.map(b => b.source), ...(options.citedBy ?? []).map(c => c.path)]);
  const bySource = new Map<string, BacklinkRow[]>();
  for (const b of backlinks) {
    let rows = bySource.get(b.source);
    if (!rows) bySource.set(b.source, rows = []);
    rows.push(rowOf(b, texts.get(b.source) ?? ''));
  }
  for (const { path, citation } of options.citedBy ?? []) {
    let rows = bySource.get(path);
    if (!rows) bySource.set(path, rows = []);
    const { startOffset, endOffset } = citation.context;
    const context = (texts.get(path) ?? '').slice(startOffset, endOffset);
    const at = citation.range.startOffset - startOffset;
    rows.push({ source: path, context, snippet: snippetOf(context, at, at + citation.range.endOffset - citation.range.startOffset), range: citation.range });
  }
  const groups: BacklinkGroup[] = [];
  for (const [source, links] of bySource) {
    groups.push({ source, title: index.note(source)?.title ?? source, folder: folderOf(source), links });
  }
  return sortGroups(groups, options);
}

function sortGroups(groups: BacklinkGroup[], options: BacklinkOptions = {}): BacklinkGroup[] {
  const byTitle = (a: BacklinkGroup, b: BacklinkGroup) =>
    compareTitles(a.title, b.title) || comparePaths(a.source, b.source);
  if (options.sort === 'modified') {
    const time = (g: BacklinkGroup) => options.modified?.(g.source) ?? -Infinity;
    return groups.sort((a, b) => time(b) - time(a) || byTitle(a, b));
  }
  return groups.sort(byTitle);
}

function rowOf(b: Backlink, sourceText: string): BacklinkRow {
  const [start, end] = linkInContext(b, sourceText);
  return { source: b.source, context: b.context, snippet: snippetOf(b.context, start, end), range: b.link.range };
}

/** Where the link sits in its context text: from the positions, checked against the text; else found by its text. */
function linkInContext(b: Backlink, text: string): [number, number] {
  const link = b.link.range;
  const linkText = text.slice(link.startOffset, link.endOffset);
  const contextOffset = offsetOfPosition(text, link.startOffset, link.start.line, b.contextStart.line, b.contextStart.character);
  const start = link.startOffset - contextOffset;
  if (start >= 0 && b.context.slice(start, start + linkText.length) === linkText && linkText !== '') {
    return [start, start + linkText.length];
  }
  const found = linkText === '' ? -1 : b.context.indexOf(linkText);
  return found < 0 ? [-1, -1] : [found, found + linkText.length];
}

/** The offset of (line, character), counting lines back from a known offset on `knownLine`. */
function offsetOfPosition(text: string, knownOffset: number, knownLine: number, line: number, character: number): number {
  const lineStartBefore = (offset: number) => (offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1);
  let lineStart = lineStartBefore(knownOffset);
  for (let l = knownLine; l > line && lineStart > 0; l--) lineStart = lineStartBefore(lineStart - 1);
  return lineStart + character;
}

export function linkCount(groups: readonly BacklinkGroup[]): number {
  return groups.reduce((n, g) => n + g.links.length, 0);
}
