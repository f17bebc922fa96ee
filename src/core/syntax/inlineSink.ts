// What the inline scanner (inline.ts, inlineMath.ts) reports, and the little it reads back: the
// inline pass's half of what Findings is, as BlockSink (blockState.ts) is the block pass's. The
// scanners know this interface, not Findings, so findings.ts can import the scanner without a
// circle.
import type { CiteGroup } from './citation';
import type { NoteTarget } from './noteLink';
import type { Definition } from './reference';
import type { FootnoteItem, MathItem } from './types';
import type { WikiLinkParts } from './wikiLink';

export interface InlineSink {
  /** The note's link reference definitions, by normalized label (read before the inline pass). */
  readonly definitions: ReadonlyMap<string, Definition> | undefined;
  /** Labels of the note's footnote definitions: `[^x]` is a reference only when `[^x]:` exists. */
  readonly footnoteLabels: ReadonlySet<string> | undefined;
  /** What was found so far, counted (an image remembers the counts at its `![`, to retract its alt text's finds). */
  readonly links: { readonly length: number };
  readonly tags: { readonly length: number };
  readonly footnotes: { readonly length: number };
  readonly mathItems: { readonly length: number };

  wikiLink(kind: 'wiki' | 'embed', parts: WikiLinkParts, start: number): void;
  markdownLink(note: NoteTarget, label: string, start: number, end: number, targetStart: number, targetEnd: number): void;
  tag(start: number, end: number): void;
  footnote(kind: FootnoteItem['kind'], label: string, start: number, end: number): void;
  math(delimiter: MathItem['delimiter'], display: boolean, start: number, end: number, tex: string): void;
  /** A code span, `[start, end)`. */
  code(start: number, end: number): void;
  blockId(id: string, start: number, end: number): void;
  /** A citation group: `[see @a, p. 4; @b]`, or a bare `@key`. */
  citations(group: CiteGroup): void;
  /** Takes back the citations that start after `start` (those in a link's text or an image's alt). */
  retractCitationsAfter(start: number): void;
  /** Takes back what was found after the counts given (an image's alt text). */
  retract(links: number, tags: number, footnotes: number, math: number): void;
}
