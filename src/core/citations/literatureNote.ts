// A key's literature note: a note named by the key (`vaswani2017.md`, anywhere in the vault), or
// one whose frontmatter says `citekey: vaswani2017`. And the text of a new one, from a template.
import type { NoteQueries } from '../index/types';
import type { CslItem } from './types';
import { yearOf } from './format';

const CITEKEY = /^citekey:[ \t]*["']?([^"'\r\n]+?)["']?[ \t]*$/m;

/** The frontmatter `citekey:` of a note's text, if any. */
export function citekeyOf(text: string): string | undefined {
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n---', 3);
  return CITEKEY.exec(end < 0 ? '' : text.slice(0, end))?.[1];
}

export function literatureNoteOf(index: NoteQueries & { textOf(path: string): string | undefined }, key: string): string | undefined {
  const byName = [...index.notes()].find(n => n.path.replace(/^.*\//, '').replace(/\.md$/i, '').toLowerCase() === key.toLowerCase());
  if (byName) return byName.path;
  for (const note of index.notes()) if (citekeyOf(index.textOf(note.path) ?? '') === key) return note.path;
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
