// The texts a page draws besides its own: the notes it embeds (nested, to the depth embeds are
// drawn), and its Backlinks with their quoted paragraphs. markdown-it renders synchronously,
// while an index that keeps no texts reads them back asynchronously (issue 20): so they are
// read first, then the page is rendered from what was read.
import type { Backlink, NoteQueries } from '../index/types';
import { scanNotePacked } from '../syntax/scanNote';
import type { BacklinkTarget } from '../views/backlinkRows';

/** What a page renderer reads of other notes, synchronously. */
export interface PageTexts {
  /** A note's text, or undefined when it was not read (an embed of it says so). */
  text(path: string): string | undefined;
  /** The backlinks of a note or placeholder, with their contexts. */
  backlinks(target: BacklinkTarget): Backlink[];
}

/** The texts an index keeps (the command line's index keeps every one): nothing to read first. */
export function keptTexts(index: Pick<NoteQueries, 'textOf' | 'backlinks'>): PageTexts {
  return { text: path => index.textOf(path), backlinks: target => index.backlinks(target) };
}

/** A page's notes, as they are shown: a note from its editor's live text, a tag page's notes from the index. */
export interface PageNote {
  readonly path: string;
  /** Its text when the caller has it (an editor's unsaved text); else it is read. */
  readonly text?: string;
}

/** How deep embeds are read: as deep as PageRenderer draws them (page.ts MAX_EMBED_DEPTH). */
const EMBED_LEVELS = 3;
/** At most this many notes are read for embeds: a page draws no more embeds than that (page.ts MAX_EMBEDS_PER_PAGE). */
const MAX_EMBEDDED_NOTES = 200;

/**
 * Reads what a page of `notes` draws: their texts, the notes they embed (and those embed, to the
 * depth drawn), and with `backlinks` each one's backlinks and the linking notes' texts (footnotes
 * of a quoted paragraph are drawn from them). A note that cannot be read is left out.
 */
export async function loadPageTexts(index: NoteQueries, notes: readonly PageNote[], options: { backlinks?: boolean } = {}): Promise<PageTexts & { readonly texts: ReadonlyMap<string, string> }> {
  const texts = new Map<string, string>();
  const unread = notes.filter(n => n.text === undefined).map(n => n.path);
  for (const [path, text] of await index.readTexts(unread)) texts.set(path, text);
  for (const n of notes) if (n.text !== undefined) texts.set(n.path, n.text);

  const backlinks = new Map<string, Backlink[]>();
  if (options.backlinks !== false) {
    await Promise.all(notes.map(async n => backlinks.set(n.path, await index.loadBacklinks(n.path))));
    const sources = new Set<string>();
    for (const list of backlinks.values()) for (const b of list) if (!texts.has(b.source)) sources.add(b.source);
    for (const [path, text] of await index.readTexts(sources)) texts.set(path, text);
  }

  // Embeds, a level at a time: a page's own text may be an editor's (scanned here); a note read
  // from the index is the text its links were found in (a read reindexes a changed one). A quoted
  // paragraph draws the embeds in it too.
  let level: string[] = [];
  for (const n of notes) {
    const text = texts.get(n.path);
    if (text === undefined) continue;
    for (const link of scanNotePacked(text).links) if (link.kind === 'embed') addEmbed(index, n.path, link.target, level);
  }
  for (const list of backlinks.values()) {
    for (const b of list) {
      for (const l of index.forwardLinks(b.source)) {
        if (l.link.kind === 'embed' && l.link.context.startOffset === b.link.context.startOffset) addEmbed(index, b.source, l.link.target, level);
      }
    }
  }
  let read = 0;
  for (let depth = 1; depth <= EMBED_LEVELS && level.length > 0 && read < MAX_EMBEDDED_NOTES; depth++) {
    const wanted = [...new Set(level)].filter(p => !texts.has(p)).slice(0, MAX_EMBEDDED_NOTES - read);
    read += wanted.length;
    const got = await index.readTexts(wanted);
    for (const [path, text] of got) texts.set(path, text);
    const next: string[] = [];
    // A note already read (a page's own, a linking one) may embed others further down too.
    for (const path of new Set(level)) {
      if (!texts.has(path) || notes.some(n => n.path === path)) continue;
      for (const l of index.forwardLinks(path)) if (l.link.kind === 'embed') addEmbed(index, path, l.link.target, next);
    }
    level = next;
  }

  return {
    texts,
    text: path => texts.get(path) ?? index.textOf(path),
    backlinks: target => (typeof target === 'string' ? backlinks.get(target) : undefined) ?? index.backlinks(target),
  };
}

function addEmbed(index: Pick<NoteQueries, 'resolve'>, from: string, target: string, into: string[]): void {
  if (target === '') return; // the page's own heading or block: its text is at hand
  const r = index.resolve(target, from);
  if (r.kind === 'note' || r.kind === 'self') into.push(r.path);
}
