// A key's literature note: a note named by the key (`vaswani2017.md`, anywhere in the vault), or
// one whose frontmatter says `citekey: vaswani2017`. And the text of a new one, from a template.
import type { NoteInfo, NoteQueries } from '../index/types';
import type { CslItem } from './types';
import { yearOf } from './format';

const CITEKEY = /^citekey:[ \t]*["']?([^"'\r\n]+?)["']?[ \t]*$/m;

/** The frontmatter `citekey:` of a note's text, if any. */
export function citekeyOf(text: string): string | undefined {
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n---', 3);
  return CITEKEY.exec(end < 0 ? '' : text.slice(0, end))?.[1];
}

/**
 * Each note's `citekey:` (null: none), by the index's record of it: a record stands for one text
 * (a changed note gets a new one), so a note is read for its key once, not on every question.
 */
const citekeys = new WeakMap<NoteInfo, string | null>();

export async function literatureNoteOf(index: Pick<NoteQueries, 'notes' | 'note' | 'readTexts'>, key: string): Promise<string | undefined> {
  const byName = [...index.notes()].find(n => n.path.replace(/^.*\//, '').replace(/\.md$/i, '').toLowerCase() === key.toLowerCase());
  if (byName) return byName.path;
  const unread = [...index.notes()].filter(n => !citekeys.has(n)).map(n => n.path);
  if (unread.length > 0) {
    // Read back through the host where the index keeps no texts; a read may reindex a note (a new record).
    for (const [path, text] of await index.readTexts(unread)) {
      const note = index.note(path);
      if (note) citekeys.set(note, citekeyOf(text) ?? null);
    }
  }
  for (const note of index.notes()) if (citekeys.get(note) === key) return note.path;
  return undefined;
}

export const DEFAULT_LITERATURE_TEMPLATE = [
  '---',
  'title: "{{title}}"',
  'citekey: {{citekey}}',
  'tags: [paper]',
  '---',
  '# {{title}}',
  '',
  '{{authors}} ({{year}}). {{doi}}',
  '',
  '## Abstract',
  '',
  '{{abstract}}',
  '',
  '## Notes',
  '',
].join('\n');

/** The template with `{{title}}`, `{{authors}}`, `{{year}}`, `{{abstract}}`, `{{doi}}` and `{{citekey}}` filled in. */
export function fillLiteratureTemplate(template: string, item: CslItem): string {
  const authors = (item.author ?? item.editor ?? []).map(n => n.literal ?? [n.given, n.family].filter(Boolean).join(' ')).join(', ');
  const doi = item.DOI ? `https://doi.org/${item.DOI}` : item.URL ?? '';
  const values: Record<string, string> = {
    title: item.title ?? item.id,
    authors,
    year: yearOf(item),
    abstract: (item.abstract ?? '').replace(/\s*\n\s*/g, ' ').trim(),
    doi,
    citekey: item.id,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
