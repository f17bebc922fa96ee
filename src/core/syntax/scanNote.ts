// scanNote: a note's text in, everything DESIGN.md §2 lists out, with exact ranges.
// Frontmatter first, then one block pass over the body that hands each paragraph, heading
// and table cell to one inline pass. See docs/syntax.md for the choices where DESIGN.md is silent.
import { collectDefinitions, scanBlocks } from './blocks';
import { Findings } from './findings';
import { readFrontmatter } from './frontmatter';
import { splitLines } from './lines';
import { RangeWriter, startOf, unpackSyntax, type PackedLink, type PackedSyntax } from './packed';
import { plainText } from './plainText';
import { LineMap } from './positions';
import type { Frontmatter, NoteSyntax } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Links come in text order, except a markdown link is known only at its `)`, after what its text holds. */
function inTextOrder(links: PackedLink[], ranges: Int32Array): PackedLink[] {
  for (let i = 1; i < links.length; i++) {
    if (startOf(ranges, links[i].range) < startOf(ranges, links[i - 1].range)) return links.sort((a, b) => startOf(ranges, a.range) - startOf(ranges, b.range));
  }
  return links;
}

// One for all notes: a scan runs to its end synchronously.
const rangeWriter = new RangeWriter();

const NONE: readonly never[] = [];

/**
 * The list at its length: a list grown by push keeps room for more (17 slots for one item), and the
 * index keeps six lists a note; most notes have no block ids, and all of those share one empty list.
 */
function fit<T>(list: T[]): readonly T[] {
  return list.length === 0 ? NONE : list.slice();
}

/**
 * Labels of `[^label]:` anywhere in the text. A reference to a footnote that is defined nowhere
 * is plain text (as in markdown-it-footnote); looking for definitions by text alone, without the
 * blocks, errs only for a definition written inside code, which notes do not do in earnest.
 */
function footnoteLabels(text: string): Set<string> | undefined {
  let labels: Set<string> | undefined;
  // Search for the rare `^`, not for `[^`: a one-character indexOf is much faster.
  for (let i = text.indexOf('^') - 1; i >= -1; i = text.indexOf('^', i + 2) - 1) {
    if (i < 0 || text.charCodeAt(i) !== 0x5b) continue;
    let end = i + 2;
    // A label with `[` in it is not read (so `[^[^[^...` stays linear).
    while (end < text.length && end < i + 1000) {
      const c = text.charCodeAt(end);
      if (c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x5b) break;
      end++;
    }
    if (end > i + 2 && text.charCodeAt(end) === 0x5d && text.charCodeAt(end + 1) === 0x3a) (labels ??= new Set()).add(text.slice(i + 2, end));
  }
  return labels;
}

/** Only the frontmatter of a note's text (what a note's own settings need, without scanning the body). */
export function readNoteFrontmatter(text: string): Frontmatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return undefined;
  const lines = splitLines(text, bom);
  const map = new LineMap(lines);
  rangeWriter.begin(map);
  return readFrontmatter(text, lines, map, rangeWriter)?.frontmatter;
}

export function scanNote(text: string): NoteSyntax {
  return unpackSyntax(scanNotePacked(text));
}

/** scanNote's findings with their ranges packed: what the index keeps (see packed.ts). */
export function scanNotePacked(text: string): PackedSyntax {
  // A BOM is tolerated: it belongs to no line, and offsets still count it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = splitLines(text, bom);
  const map = new LineMap(lines);
  rangeWriter.begin(map);
  const frontmatter = readFrontmatter(text, lines, map, rangeWriter);
  const bodyLine = frontmatter ? frontmatter.bodyLine : 0;
  const found = new Findings(text, rangeWriter, collectDefinitions(text, lines, bodyLine), footnoteLabels(text));
  scanBlocks(text, lines, bodyLine, found);

  // A title is text wherever it shows: `# [[Rattus]]` is titled Rattus, `# _Rattus_` too.
  // A heading that is all markup (`# <img …>`) has no words: the note is then named by its file.
  const title = frontmatter?.frontmatter.title ?? (found.firstH1 === undefined ? undefined : plainText(found.firstH1) || undefined);
  const ranges = rangeWriter.finish(found.codeSpans);
  const result: Mutable<PackedSyntax> = {
    ranges,
    codeAt: ranges.length - found.codeSpans.length,
    links: frontmatter && frontmatter.links.length > 0 ? frontmatter.links.concat(inTextOrder(found.links, ranges)) : fit(inTextOrder(found.links, ranges)),
    tags: frontmatter && frontmatter.tags.length > 0 ? frontmatter.tags.concat(found.tags) : fit(found.tags),
    headings: fit(found.headings),
    blockIds: fit(found.blockIds),
    footnotes: fit(found.footnotes),
    math: fit(found.mathItems),
    lineCount: lines.count,
  };
  // Absent, not undefined, when there is none.
  if (frontmatter) result.frontmatter = frontmatter.frontmatter;
  if (title !== undefined) result.title = title;
  if (found.citationItems.length > 0) result.citations = found.citationItems.slice();
  return result;
}
