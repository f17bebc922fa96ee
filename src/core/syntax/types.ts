// The shapes the scanner produces: everything DESIGN.md §2 lists, with exact ranges.
// Shared by the scanner, the index, the markdown-it rules and every adapter.

/** 0-based line and UTF-16 character, the way VS Code counts. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A span of the note's text, as positions and as UTF-16 offsets into the text. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
  readonly startOffset: number;
  readonly endOffset: number;
}

/** Offsets of the paragraph or list item that surrounds an item (for backlink context). */
export interface Span {
  readonly startOffset: number;
  readonly endOffset: number;
}

export type LinkKind =
  /** `[[target]]`, `[[target|label]]`, `[[target#Heading]]`, `[[target#^block]]`, `[[#Heading]]` */
  | 'wiki'
  /** `![[target]]` and the same suffixes (also `![[figure.png|300]]`) */
  | 'embed'
  /** `[text](other-note.md)` / `[text](other-note.md#heading)` */
  | 'markdown';

export interface LinkItem {
  readonly kind: LinkKind;
  /**
   * The target as written, trimmed, without `#...` and `|...`; `''` for a same-note link
   * (`[[#Heading]]`). Markdown links: the destination, percent-decoded, without `#...`.
   * May carry folders (`papers/attention`), `/`, `./`, `../` and an extension (`.md`, `.png`).
   */
  readonly target: string;
  /** Text after `#` when it is a heading reference (`[[a#Intro]]` -> `Intro`; also `page=3`). */
  readonly heading?: string;
  /** Block id after `#^` (`[[a#^quote-1]]` -> `quote-1`). */
  readonly block?: string;
  /** Text after `|` (wiki) or the link text (markdown); for embeds of images, the size (`300`). */
  readonly label?: string;
  /** The whole link, brackets (and `!`) included. */
  readonly range: Range;
  /** Just the target text (empty range at `[[` + 2 for same-note links). */
  readonly targetRange: Range;
  /** The paragraph or list item around the link: the Backlinks context (in frontmatter: its property). */
  readonly context: Span;
  /**
   * The frontmatter property holding the link (`related: "[[Movies]]"` -> `related`). Present
   * exactly when the link is in frontmatter; such a link is a link like any other.
   */
  readonly property?: string;
  /**
   * For a wiki-link whose target is the label of one of the note's link reference definitions
   * (Foam's `[publishing]: publishing/publish-to-github-pages.md`): that destination, which the
   * index resolves instead of the target (as a markdown link's).
   */
  readonly reference?: string;
}

export interface TagItem {
  /** Without `#`, casing as written: `ml/Transformers`. */
  readonly name: string;
  /** Range of `#tag` in the text (frontmatter tags: the range of the value in the YAML). */
  readonly range: Range;
  readonly source: 'inline' | 'frontmatter';
  /** Paragraph or list item around an inline tag; the frontmatter block for frontmatter tags. */
  readonly context: Span;
}

export interface HeadingItem {
  /** 1..6 */
  readonly level: number;
  /** Heading text, trimmed, closing `#`s removed. */
  readonly text: string;
  /** GitHub's slug of the text (lowercase, punctuation dropped, spaces -> `-`, duplicates `-1`, `-2`). */
  readonly slug: string;
  /** The whole heading line (setext: both lines). */
  readonly range: Range;
}

export interface BlockIdItem {
  /** Without `^`. */
  readonly id: string;
  /** Range of `^id`. */
  readonly range: Range;
  /** The paragraph or list item the id names. */
  readonly block: Span;
}

export interface FootnoteItem {
  /** `ref`: `[^label]` in text; `definition`: `[^label]: text`; `inline`: `^[text]`. */
  readonly kind: 'ref' | 'definition' | 'inline';
  /** The label (`1`, `note`); for inline footnotes, `''`. */
  readonly label: string;
  readonly range: Range;
}

/** A Pandoc citation: `@key` bare, or one key of a bracketed group `[see @key, p. 4; @other]`. */
export interface CitationItem {
  /** The citation key, without `@` and braces. */
  readonly key: string;
  /** `@key` (with `-` for `[-@key]`, braces for `@{key}`). */
  readonly range: Range;
  /** The whole group, brackets included; for a bare citation, the same as `range`. */
  readonly group: Range;
  readonly bracketed: boolean;
  readonly suppressAuthor: boolean;
  /** The paragraph or list item around it (the citing paragraph, for backlinks). */
  readonly context: Span;
}

export interface MathItem {
  /** `$..$`, `$$..$$`, `\(..\)`, `\[..\]` */
  readonly delimiter: '$' | '$$' | '\\(' | '\\[';
  readonly display: boolean;
  /** The whole span, delimiters included. */
  readonly range: Range;
  /** The TeX source between the delimiters. */
  readonly tex: string;
}

export interface Frontmatter {
  /** The whole block, `---` lines included. */
  readonly range: Range;
  readonly title?: string;
  /** `aliases` (list or string) and `alias`. */
  readonly aliases: readonly string[];
  /** `tags` (list or string; `tag` too), without `#`. */
  readonly tags: readonly string[];
  /** `bibliography` (a path or a list), as written: the note's own reference files (citations/noteLibrary.ts). */
  readonly bibliography?: readonly string[];
  /** Set when the YAML could not be read (`line 3: ...`); the note is still indexed without it. */
  readonly error?: string;
  /** The 0-based line `error` names. */
  readonly errorLine?: number;
}

/** Everything the scanner finds in one note. Pure data: no functions, safe to clone. */
export interface NoteSyntax {
  readonly frontmatter?: Frontmatter;
  /** Frontmatter `title`, else the first `# H1`; the index falls back to the file name. */
  readonly title?: string;
  readonly links: readonly LinkItem[];
  /** Inline and frontmatter tags, in text order (frontmatter first). */
  readonly tags: readonly TagItem[];
  readonly headings: readonly HeadingItem[];
  readonly blockIds: readonly BlockIdItem[];
  readonly footnotes: readonly FootnoteItem[];
  readonly math: readonly MathItem[];
  /**
   * Fenced and indented code blocks and inline code spans, in text order. Optional (added
   * for the index): unlinked mentions skip them; a scanner that leaves it out lets mentions
   * in code through.
   */
  readonly code?: readonly Span[];
  /** Pandoc citations in text order. Optional: absent when the note cites nothing. */
  readonly citations?: readonly CitationItem[];
  /** Number of lines (a text with no newline has 1). */
  readonly lineCount: number;
}
