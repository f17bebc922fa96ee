// How a citation and its reference read, in the two styles of `marginalia.citations.style`:
// `author-date` (Chicago's author-date: "(Vaswani et al. 2017, 4)") and `numeric` (IEEE: "[1]").
// A small formatter of our own, not citeproc: citeproc-js with a style and a locale is about a
// megabyte in the bundle (docs/citations.md). Output is HTML, every value escaped here.
import { escapeAttr } from '../render/escape';
import type { CiteParts } from '../syntax/citation';
import type { CslItem, CslName } from './types';

export type CitationStyle = 'author-date' | 'numeric';

function esc(text: string): string {
  return escapeAttr(text);
}

export function yearOf(item: CslItem): string {
  const parts = item.issued?.['date-parts']?.[0];
  if (parts && parts[0] !== undefined && parts[0] !== '') return String(parts[0]);
  return item.issued?.literal ?? 'n.d.';
}

function familyOf(name: CslName): string {
  return name.literal ?? name.family ?? name.given ?? '';
}

/** "Vaswani", "Vaswani and Shazeer", "Vaswani et al." (Chicago: three or more is "et al."). */
export function authorShort(item: CslItem): string {
  const names = item.author?.length ? item.author : item.editor ?? [];
  if (names.length === 0) return item.title ? `“${item.title}”` : item.id;
  if (names.length === 1) return familyOf(names[0]!);
  if (names.length === 2) return `${familyOf(names[0]!)} and ${familyOf(names[1]!)}`;
  return `${familyOf(names[0]!)} et al.`;
}

function initials(given: string): string {
  return given.split(/([\s-]+)/).map(p => (/^[\s-]+$/.test(p) ? (p.includes('-') ? '-' : ' ') : p ? `${p[0]}.` : '')).join('').replace(/\s+/g, ' ').trim();
}

function nameList(names: readonly CslName[], style: CitationStyle): string {
  const shown = names.map((n, i) => {
    if (n.literal) return n.literal;
    if (style === 'numeric') return [n.given ? initials(n.given) : '', n.family ?? ''].filter(Boolean).join(' ');
    return i === 0 ? [n.family, n.given].filter(Boolean).join(', ') : [n.given, n.family].filter(Boolean).join(' ');
  });
  if (shown.length <= 1) return shown.join('');
  if (style === 'numeric' && shown.length > 6) return `${shown[0]} et al.`;
  if (style === 'author-date' && shown.length > 10) return `${shown.slice(0, 7).join(', ')}, et al.`;
  return `${shown.slice(0, -1).join(', ')}${shown.length > 2 ? ',' : ''} and ${shown[shown.length - 1]}`;
}

function link(item: CslItem): string {
  if (item.DOI) {
    const url = `https://doi.org/${item.DOI.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')}`;
    return `<a href="${esc(url)}">${esc(url)}</a>`;
  }
  if (item.URL && /^https?:\/\//i.test(item.URL)) return `<a href="${esc(item.URL)}">${esc(item.URL)}</a>`;
  return '';
}

function pages(page: string): string {
  return page.replace(/--?/g, '–');
}

const BOOKISH = new Set(['book', 'report', 'thesis', 'manuscript']);

/** The full reference, as the References section and the margin show it. */
export function formatReference(item: CslItem, style: CitationStyle, number?: number): string {
  const names = item.author?.length ? item.author : item.editor ?? [];
  const authors = names.length ? esc(nameList(names, style)) : '';
  const title = item.title ? esc(item.title) : '';
  const container = item['container-title'] ? esc(item['container-title']) : '';
  const year = esc(yearOf(item));
  const bookish = BOOKISH.has(item.type);
  const shownTitle = bookish ? `<i>${title}</i>` : `“${title}${style === 'numeric' ? ',' : '.'}”`;
  const parts: string[] = [];
  if (style === 'author-date') {
    parts.push(`${authors || shownTitle}${authors ? '.' : ''} ${year}.`);
    if (authors && title) parts.push(bookish ? `${shownTitle}.` : shownTitle);
    if (container) {
      let c = item.type === 'paper-conference' || item.type === 'chapter' ? `In <i>${container}</i>` : `<i>${container}</i>`;
      if (item.volume !== undefined) c += ` ${esc(String(item.volume))}`;
      if (item.issue !== undefined) c += ` (${esc(String(item.issue))})`;
      if (item.page) c += `${item.type === 'article-journal' ? ':' : ','} ${esc(pages(item.page))}`;
      parts.push(`${c}.`);
    }
    const place = [item['publisher-place'], item.publisher].filter(Boolean).map(s => esc(s!)).join(': ');
    if (place) parts.push(`${place}.`);
  } else {
    if (number !== undefined) parts.push(`[${number}]`);
    if (authors) parts.push(`${authors},`);
    parts.push(bookish ? `<i>${title}</i>.` : shownTitle);
    const bits: string[] = [];
    if (container) bits.push(`${item.type === 'paper-conference' ? 'in ' : ''}<i>${container}</i>`);
    if (item.volume !== undefined) bits.push(`vol. ${esc(String(item.volume))}`);
    if (item.issue !== undefined) bits.push(`no. ${esc(String(item.issue))}`);
    if (item.page) bits.push(`pp. ${esc(pages(item.page))}`);
    if (bookish && item.publisher) bits.push([item['publisher-place'], item.publisher].filter(Boolean).map(s => esc(s!)).join(': '));
    bits.push(year);
    parts.push(`${bits.join(', ')}.`);
  }
  const href = link(item);
  if (href) parts.push(href);
  return parts.join(' ');
}

function locatorText(cite: CiteParts): string {
  const rest = [cite.locator, cite.suffix].filter(Boolean).join(', ');
  return rest ? esc(rest) : '';
}

/**
 * The citation in the text: a bracketed group "(see Vaswani et al. 2017, 4; Devlin et al. 2019)",
 * a bare one "Vaswani et al. (2017)"; numeric "[1, p. 4; 2]". `itemOf` gives undefined for a key
 * the library lacks (shown as the key itself); `numberOf` gives numeric's number.
 */
export function formatCitation(cites: readonly CiteParts[], bracketed: boolean, style: CitationStyle, itemOf: (key: string) => CslItem | undefined, numberOf: (key: string) => number): string {
  const shown = cites.map(cite => {
    const item = itemOf(cite.key);
    const where = locatorText(cite);
    const prefix = cite.prefix ? `${esc(cite.prefix)} ` : '';
    if (style === 'numeric') {
      const n = item ? String(numberOf(cite.key)) : esc(cite.key);
      return bracketed ? `${prefix}${n}${where ? `, ${where}` : ''}` : `${esc(item ? authorShort(item) : cite.key)} [${n}]`;
    }
    if (!item) return `${prefix}${esc(cite.key)}${where ? `, ${where}` : ''}`;
    const year = esc(yearOf(item));
    if (!bracketed) return `${esc(authorShort(item))} (${year}${where ? `, ${where}` : ''})`;
    return `${prefix}${cite.suppressAuthor ? '' : `${esc(authorShort(item))} `}${year}${where ? `, ${where}` : ''}`;
  });
  if (!bracketed) return shown.join('; ');
  return style === 'numeric' ? `[${shown.join('; ')}]` : `(${shown.join('; ')})`;
}
