// How a citation and its reference read, in the two styles of `marginalia.citations.style`:
// `author-date` (APA: "(Vaswani et al., 2017, p. 4)") and `numeric` (Vancouver: "(1)"), formatted
// by citeproc-js (./cslFormatter.ts, loaded on first use through ./citeproc.ts). Here the formatter's
// shape, and what the library's lists need without it: an entry's year and short author.
import type { CiteParts } from '../syntax/citation';
import type { CslItem, CslName } from './types';

export type CitationStyle = 'author-date' | 'numeric';

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

/** How a page (or a hover) formats its citations: citeproc with the style's CSL (./cslFormatter.ts). */
export interface CitationFormatter {
  readonly style: CitationStyle;
  /** Registers keys in order of first citation: numbering and disambiguation count only these. */
  cite(keys: Iterable<string>): void;
  /**
   * The citation in the text, HTML: a group "(see Vaswani et al., 2017, p. 4)", a bare one
   * "Vaswani et al. (2017)". A key the library lacks is shown as itself.
   */
  citation(cites: readonly CiteParts[], bracketed: boolean): string;
  /** The full reference of `key`, HTML, as the margin, the hover and the References section show it. */
  reference(key: string): string;
  /** Every registered key's reference, in the style's order (alphabetical, or by number). */
  references(): { key: string; html: string }[];
}
