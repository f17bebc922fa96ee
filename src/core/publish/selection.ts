// Which notes a site publishes: those the `--include` globs take and `--exclude` globs leave,
// minus any whose frontmatter says `publish: false` or `draft: true`. A note left out is as if
// it were never written: no page, no title, no text in the search index, links to it plain text.
import { PathFilter } from '../index/pathFilter';
import type { NoteQueries } from '../index/types';

export interface SelectionOptions {
  /** Globs of notes to publish (default: every note). */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface NoteDates {
  /** Frontmatter `date` or `created`, milliseconds since the epoch. */
  readonly created?: number;
  /** Frontmatter `updated` or `modified`, else `created`. */
  readonly updated?: number;
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FIELD = /^(publish|draft|date|created|updated|modified)[ \t]*:[ \t]*(.*?)[ \t]*$/gim;

/** The frontmatter fields publishing reads, as written (quotes removed), lowercase keys. */
export function publishFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const block = FRONTMATTER.exec(text)?.[1];
  if (block === undefined) return fields;
  for (const m of block.matchAll(FIELD)) {
    const key = m[1]!.toLowerCase();
    if (!fields.has(key)) fields.set(key, m[2]!.replace(/\s+#.*$/, '').replace(/^(['"])(.*)\1$/, '$2'));
  }
  return fields;
}

/** `publish: false` (also `no`, `off`) or `draft: true` (`yes`, `on`). */
export function leftOutByFrontmatter(text: string): boolean {
  const fields = publishFields(text);
  return /^(?:false|no|off)$/i.test(fields.get('publish') ?? '') || /^(?:true|yes|on)$/i.test(fields.get('draft') ?? '');
}

export function noteDates(text: string): NoteDates {
  const fields = publishFields(text);
  const time = (key: string) => {
    const value = fields.get(key);
    const t = value ? Date.parse(value) : NaN;
    return Number.isFinite(t) ? t : undefined;
  };
  const created = time('date') ?? time('created');
  const updated = time('updated') ?? time('modified') ?? created;
  return { ...(created !== undefined ? { created } : {}), ...(updated !== undefined ? { updated } : {}) };
}

/** The vault paths of the notes to publish. */
export function publishedNotes(index: NoteQueries, options: SelectionOptions = {}): Set<string> {
  const filter = new PathFilter(options.include?.length ? options.include : ['**/*'], options.exclude ?? []);
  const published = new Set<string>();
  for (const note of index.notes()) {
    if (!filter.accepts(note.path)) continue;
    if (leftOutByFrontmatter(index.textOf(note.path) ?? '')) continue;
    published.add(note.path);
  }
  return published;
}
