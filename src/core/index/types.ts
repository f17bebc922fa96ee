// The shapes NoteIndex answers with. Paths are vault-relative with `/` separators.
import type { LinkItem, NoteSyntax, Position, Range, TagItem } from '../syntax/types';

export interface NoteInfo {
  /** `papers/attention.md` */
  readonly path: string;
  /** Frontmatter title, else first H1, else the file name without `.md`. */
  readonly title: string;
  readonly aliases: readonly string[];
  /**
   * Everything the scanner found, as `scanNote` gives it. The index keeps ranges packed and
   * builds this plain data on each read: read it once per use, not in a loop.
   */
  readonly syntax: NoteSyntax;
}

/** Where a link points, as DESIGN.md §3 decides. */
export type Resolution =
  /** A note (possibly one of several: then `ambiguous` lists every candidate, the chosen one first). */
  | {
      readonly kind: 'note';
      readonly path: string;
      readonly ambiguous?: readonly string[];
      /** How it matched: helps hovers and diagnostics explain themselves. */
      readonly via: 'path' | 'title' | 'alias' | 'loose';
    }
  /** A non-markdown file of the vault (`![[figure.png]]`). */
  | { readonly kind: 'attachment'; readonly path: string; readonly ambiguous?: readonly string[] }
  /** `[[#Heading]]`: the linking note itself. */
  | { readonly kind: 'self'; readonly path: string }
  /** Nothing matched: a placeholder named by the normalized target (lowercase, no `.md`). */
  | { readonly kind: 'placeholder'; readonly name: string; readonly attachment: boolean };

/** Where a link points and what kind it is, without its place in the text (cheap: no ranges unpacked). */
export interface LinkEnd {
  readonly kind: LinkItem['kind'];
  /** The frontmatter property holding the link, when it is in frontmatter. */
  readonly property?: string;
  readonly resolution: Resolution;
}

/**
 * An index that hands out a note's link ends one by one, without an object per link: the graph
 * reads every link of the vault (90,000 at 10,000 notes). NoteIndex has it; a view over an index
 * (PublishedView) need not (`linkEnds` then).
 */
export interface LinkEndReader {
  /** `property`: the frontmatter property holding the link; `resolution` is shared, not to be changed. */
  eachLinkEnd(path: string, each: (kind: LinkItem['kind'], property: string | undefined, resolution: Resolution) => void): void;
}

export function readsLinkEnds(index: object): index is LinkEndReader {
  return typeof (index as Partial<LinkEndReader>).eachLinkEnd === 'function';
}

export interface ResolvedLink {
  /** The linking note. */
  readonly source: string;
  readonly link: LinkItem;
  readonly resolution: Resolution;
}

/** Why a link is broken. */
export type BrokenLinkKind =
  /** No note answers to the target: it resolves to a placeholder. */
  | 'missing-note'
  /** The target names a file (`.png`, `.pdf`, ...) that the vault does not hold. */
  | 'missing-attachment'
  /** The note exists, but not the heading after `#` (`[[note#No Such Heading]]`). */
  | 'missing-heading'
  /** The note exists, but not the block after `#^` (`[[note#^nosuchblock]]`). */
  | 'missing-block';

export interface BrokenLink extends ResolvedLink {
  readonly kind: BrokenLinkKind;
  /**
   * What the link may have meant, closest first (at most three): for a missing heading, heading
   * texts of the note it points to; for a missing block, its block ids. Empty when nothing comes near.
   */
  readonly suggestions: readonly string[];
}

export interface FrontmatterProblem {
  readonly path: string;
  /** 0-based line the YAML error names. */
  readonly line: number;
  /** `line 3: ...`, as the `yaml` package words it. */
  readonly message: string;
}

export interface Backlink extends ResolvedLink {
  /** The paragraph or list item around the link, as text (trimmed; list marker kept off). */
  readonly context: string;
  /** Where that context starts in the source note. */
  readonly contextStart: Position;
}

export interface TagNode {
  /** Full path of the tag, first casing seen: `ml/transformers`. */
  readonly name: string;
  /** Last segment: `transformers`. */
  readonly label: string;
  /** Notes carrying this tag or any tag below it. */
  readonly noteCount: number;
  /** Occurrences of exactly this tag. */
  readonly count: number;
  readonly children: readonly TagNode[];
}

export interface TagOccurrence {
  readonly path: string;
  readonly tag: TagItem;
}

export interface Placeholder {
  /** Normalized target (`bitter-lesson`); the display text is the first casing seen. */
  readonly name: string;
  readonly display: string;
  readonly attachment: boolean;
  readonly backlinks: number;
}

export interface CompletionCandidate {
  readonly path: string;
  /** The shortest target that resolves uniquely to this note from the asking note. */
  readonly insertText: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** The placeholder's name for notes that do not exist yet. */
  readonly placeholder?: boolean;
}

export interface UnlinkedMention {
  readonly source: string;
  /** The title or alias that was found. */
  readonly text: string;
  readonly range: Range;
  readonly context: string;
}

export interface IndexStats {
  readonly notes: number;
  readonly attachments: number;
  readonly links: number;
  readonly resolved: number;
  readonly unresolved: number;
  readonly ambiguous: number;
  readonly tags: number;
  readonly placeholders: number;
}

/**
 * What NoteIndex (src/core/index/noteIndex.ts) offers. Adapters, the CLI and the preview
 * program against this; every query answers from memory without rescanning notes.
 */
export interface NoteQueries {
  /** Add or replace a file. `.md` text is scanned; any other path is registered as an attachment (text ignored). */
  upsert(path: string, text: string): void;
  /** Register a non-markdown file (attachment) by path. */
  addAttachment(path: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
  has(path: string): boolean;

  note(path: string): NoteInfo | undefined;
  notes(): Iterable<NoteInfo>;
  attachments(): Iterable<string>;
  /** The note's text as last upserted, while the index keeps texts (else undefined: `readText`). */
  textOf(path: string): string | undefined;
  /**
   * The note's text, kept or read back through the host (an open document's unsaved text first);
   * a note whose text changed since it was indexed is reindexed before this answers.
   */
  readText(path: string): Promise<string | undefined>;
  /** `readText` for several notes at once; a note that cannot be read is left out. */
  readTexts(paths: Iterable<string>): Promise<Map<string, string>>;
  /** Whether `text` is the text the note was last indexed from (told by its length and hash where the index keeps no texts). */
  indexedFrom(path: string, text: string): boolean;

  /** Resolve a target as if written in `fromPath` (DESIGN.md §3). */
  resolve(target: string, fromPath: string): Resolution;
  forwardLinks(path: string): readonly ResolvedLink[];
  /** The note's links as `forwardLinks` gives them, without positions: for the graph, which reads every link of the vault. */
  linkEnds(path: string): readonly LinkEnd[];
  /**
   * Backlinks of a note path, or of a placeholder when given `{ placeholder: name }`. Contexts
   * come from the texts the index keeps: where it keeps none, a context is `''` (`loadBacklinks`).
   */
  backlinks(target: string | { placeholder: string }): Backlink[];
  /** `backlinks` with every context, reading the linking notes' texts back where the index keeps none. */
  loadBacklinks(target: string | { placeholder: string }): Promise<Backlink[]>;
  /** Notes tagged `tag` or (nested, default true) any tag below it; case-insensitive. */
  notesWithTag(tag: string, options?: { nested?: boolean }): TagOccurrence[];
  tagTree(): TagNode[];
  placeholders(): Placeholder[];
  /** Notes with no links in or out. */
  orphans(): string[];
  ambiguousLinks(): ResolvedLink[];
  /**
   * Broken links, in path then position order: links to a placeholder (a missing note or
   * attachment), and links to a note that lacks the heading or block they name.
   */
  brokenLinks(): BrokenLink[];
  /** The broken links of one note, in position order (an editor's diagnostics for that note). */
  brokenLinksIn(path: string): BrokenLink[];
  /** Notes whose frontmatter is not valid YAML (read without it), in path order. */
  frontmatterProblems(): FrontmatterProblem[];
  /**
   * Every note (and placeholder, flagged) with the shortest unique target from `fromPath`: the
   * notes, then the placeholders, each in `byShorterTarget` order (completionRank.ts; ranking
   * relies on it, see `rankCandidates`' `inOrder`).
   */
  completionCandidates(fromPath: string): CompletionCandidate[];
  /** How many links point at a note (completion ranks the notes people link above the rest); cheap. */
  linkCountTo(path: string): number;
  /** In every other note, or only in `sources` (a host can then search a big vault in slices). */
  unlinkedMentions(path: string, sources?: Iterable<string>): UnlinkedMention[];
  /** `unlinkedMentions`, reading texts back where the index keeps none. */
  loadUnlinkedMentions(path: string, sources?: Iterable<string>): Promise<UnlinkedMention[]>;
  stats(): IndexStats;
}
