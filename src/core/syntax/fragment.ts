// The one answer to "which heading or block does the part of a link after `#` name?": used by
// the index's broken-link check (`marginalia check`), diagnostics, F12 and Ctrl+click, hover,
// embeds, the Outgoing view, references and rename, and the preview's links. Pure functions over
// a note's headings and block ids (the scanner's items or the index's packed ones).
import { githubSlug } from './slug';

/** What resolution reads of a heading: the index's packed form and the scanner's plain one both have it. */
export type NamedHeading = { readonly level: number; readonly text: string; readonly slug: string };

/**
 * A heading as links name it, forgivingly: case ignored; the characters Obsidian drops when it
 * writes a heading link (its link-safe form: `? : / # | ^ [ ] .` and the rest of ASCII
 * punctuation but `' -`), markup (`* _ = ~ \``), dashes and runs of spaces all one space; link
 * brackets go with them. So `### How large is it?` is `[[n#How large is it]]`, `## 3.9` is
 * `[[n#3 9]]`, `## [[2021-05-13]] 9:00 / 10:00` is `[[n#2021-05-13 9 00 10 00]]`, and the slug
 * `how-large-is-it` names it too.
 */
export function headingKey(text: string): string {
  return text.toLowerCase().replace(/[\s!"#$%&()*+,./:;<=>?@[\\\]^_`{|}~-]+/g, ' ').trim();
}

/** The parts of `A#B#C` that name headings, trimmed, empty ones left out. */
function headingParts(fragment: string): string[] {
  return fragment.split('#').map(p => p.trim()).filter(p => p !== '');
}

/** For nested links (`[[n#Part#Section]]`) the last part is the heading meant; what suggestions compare against. */
export function lastHeadingPart(fragment: string): string {
  const parts = headingParts(fragment);
  return parts.length > 0 ? parts[parts.length - 1] : fragment.trim();
}

/** Whether heading `h` is the one a single part names: its text (any case), its link-safe form or its slug. */
function names(h: NamedHeading, part: string, key: string, lower: string): boolean {
  return h.text.toLowerCase() === lower || h.slug === lower || headingKey(h.text) === key || (key !== '' && h.slug === githubSlug(part));
}

/**
 * The index (into `headings`) of the heading `fragment` names, or -1. `fragment` is the whole
 * heading part of a link without the first `#` (`Method`, `Part#Section`). A heading whose text
 * is written exactly as the link writes it wins over one that only matches forgivingly; Obsidian's
 * nested form `Part#Section` names a `Section` with a `Part` above it (an ancestor: any heading of
 * a lower level before it; the parts before the last need not be direct parents). When the whole
 * fragment is itself a heading's text (`## C# notes`), that heading is meant.
 */
export function findHeadingIndex(headings: readonly NamedHeading[], fragment: string): number {
  const whole = fragment.trim();
  if (whole === '') return -1;
  const lowerWhole = whole.toLowerCase();
  for (let i = 0; i < headings.length; i++) if (headings[i].text.toLowerCase() === lowerWhole) return i;
  const parts = headingParts(whole);
  if (parts.length === 0) return -1;
  const last = parts[parts.length - 1];
  const key = headingKey(last);
  const lower = last.toLowerCase();
  for (let i = 0; i < headings.length; i++) {
    if (!names(headings[i], last, key, lower)) continue;
    if (parts.length === 1 || hasAncestors(headings, i, parts)) return i;
  }
  // `## C# notes` linked as `[[n#C# notes]]`: the whole text, forgivingly.
  const wholeKey = headingKey(whole);
  if (parts.length > 1) for (let i = 0; i < headings.length; i++) if (headingKey(headings[i].text) === wholeKey) return i;
  return -1;
}

function hasAncestors(headings: readonly NamedHeading[], at: number, parts: readonly string[]): boolean {
  let want = parts.length - 2;
  let level = headings[at].level;
  for (let j = at - 1; j >= 0 && want >= 0; j--) {
    if (headings[j].level >= level) continue;
    level = headings[j].level;
    const part = parts[want];
    if (names(headings[j], part, headingKey(part), part.toLowerCase())) want--;
  }
  return want < 0;
}

/** The heading `fragment` names (see findHeadingIndex), or undefined. */
export function findHeading<H extends NamedHeading>(headings: readonly H[], fragment: string): H | undefined {
  const i = findHeadingIndex(headings, fragment);
  return i < 0 ? undefined : headings[i];
}

/** The block `[[n#^id]]` names: ids compare case-insensitively (Obsidian writes them lowercase; people do not always). */
export function findBlock<B extends { readonly id: string }>(blocks: readonly B[], id: string): B | undefined {
  const wanted = id.trim().replace(/^\^/, '').toLowerCase();
  return blocks.find(b => b.id.toLowerCase() === wanted);
}

/** Where a heading's section ends: at the next heading of the same or a higher level (an index into `headings`), or -1 at the note's end. */
export function sectionEndIndex(headings: readonly NamedHeading[], at: number): number {
  for (let j = at + 1; j < headings.length; j++) if (headings[j].level <= headings[at].level) return j;
  return -1;
}

/** A fragment as addresses carry it (`Method`, `Part#Section`, `^block`): which kind it is. */
export function splitFragment(fragment: string): { heading?: string; block?: string } {
  const f = fragment.trim();
  if (f.startsWith('^')) return { block: f.slice(1) };
  // `Part#^block`: Obsidian reads the block.
  const caret = f.indexOf('#^');
  if (caret >= 0) return { block: f.slice(caret + 2) };
  return { heading: f };
}

/**
 * What a link's parts name: a block (`#^id`, also `#Part#^id`, which Obsidian reads as the block)
 * or a heading (`#Part#Section`), or undefined when the link names neither.
 */
export function linkFragment(link: { readonly heading?: string; readonly block?: string }): { heading?: string; block?: string } | undefined {
  if (link.block !== undefined) return { block: link.block };
  if (link.heading === undefined || link.heading.trim() === '') return undefined;
  return splitFragment(link.heading);
}

/** The syntax the resolution reads: headings and block ids with their ranges. */
export interface FragmentSyntax<H extends NamedHeading, B extends { readonly id: string }> {
  readonly headings: readonly H[];
  readonly blockIds: readonly B[];
}

/** What a link's `#heading` or `#^block` names in the target's syntax: the heading or the block, or undefined when the note has none of that name. */
export function resolveFragment<H extends NamedHeading, B extends { readonly id: string }>(
  syntax: FragmentSyntax<H, B>, fragment: { readonly heading?: string; readonly block?: string },
): { readonly heading: H; readonly index: number } | { readonly block: B } | undefined {
  const wanted = linkFragment(fragment);
  if (wanted?.block !== undefined) {
    const block = findBlock(syntax.blockIds, wanted.block);
    return block && { block };
  }
  if (wanted?.heading === undefined) return undefined;
  const index = findHeadingIndex(syntax.headings, wanted.heading);
  return index < 0 ? undefined : { heading: syntax.headings[index], index };
}

