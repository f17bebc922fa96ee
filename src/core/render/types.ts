// Shapes shared by the render rules: what a rule stores on its tokens, what the host
// injects through markdown-it's `env`, and what collectLinksAndTags returns.
import type { LinkKind } from '../syntax/types';

/** What the host says about a link target. Core never resolves by itself (DESIGN.md §3 is the index's job). */
export interface ResolvedHref {
  readonly href: string;
  /** false: the link is broken (placeholder or missing attachment) and renders as `wikilink missing`. */
  readonly exists: boolean;
  readonly ambiguous?: boolean;
  /** Where an image embed loads the file from, when that differs from `href` (a webview URI). */
  readonly src?: string;
}

/**
 * `fragment` is the heading (`Intro`, `page=3`) or the block id with its caret (`^quote-1`),
 * so one callback serves both suffix forms.
 */
export type ResolveLink = (target: string, fragment?: string) => ResolvedHref | undefined;

/** Sidenote numbers and ids for one page: shared by every note, embed and backlink drawn on it. */
export interface SidenoteCounter {
  /** The number the next sidenote gets. */
  next: number;
  /** Prefix of the checkbox ids (`mg-sn-`): unique per page, never from user text. */
  readonly prefix: string;
  /** How a number is written (default: its digits); a site draws a note once with stand-ins it fills per page. */
  readonly numeral?: (n: number) => string;
}

/**
 * Per-render data, passed as markdown-it's `env` (never module state). One env per parse:
 * markdown-it-footnote keeps the parse's footnotes in it, so an embed gets its own env
 * sharing the page's `sidenotes` counter.
 */
export interface RenderEnv {
  resolveLink?: ResolveLink;
  /** The HTML of an embed (`![[note#Heading]]`), or undefined to leave the placeholder. */
  renderEmbed?: (meta: WikiLinkMeta) => string | undefined;
  sidenotes?: SidenoteCounter;
  /** Put `data-line` (the 0-based source line) on blocks, for scroll sync. Only the page's own note. */
  sourceLines?: boolean;
  /** Prefix of heading ids, so two notes on one page keep theirs apart (`mg-h-`). */
  headingPrefix?: string;
  /**
   * Schemes the host's own link addresses use besides http, https and mailto (a hover's
   * `command:` links). Only hrefs from resolveLink get them, never a note's own links.
   */
  hostSchemes?: readonly string[];
}

/** Parsed `[[...]]` / `![[...]]`, kept on `wikilink_open` and `wikiembed` tokens as `meta`. */
export interface WikiLinkMeta {
  readonly kind: 'wiki' | 'embed';
  readonly target: string;
  readonly heading?: string;
  readonly block?: string;
  readonly label?: string;
  /** The text between the brackets, as written: the display text when there is no label. */
  readonly inner: string;
  /** Offset of the link in the inline source it was parsed from (gives its line). */
  readonly offset: number;
}

/** Kept on `tag_open` tokens as `meta`. */
export interface TagMeta {
  /** Without `#`, casing as written. */
  readonly name: string;
  readonly offset: number;
}

/** A link as collectLinksAndTags reports it: the fields the scanner's LinkItem has, plus the line. */
export interface FoundLink {
  readonly kind: LinkKind;
  readonly target: string;
  readonly heading?: string;
  readonly block?: string;
  readonly label?: string;
  /** 0-based line of the link's start. */
  readonly line: number;
}

export interface FoundTag {
  readonly name: string;
  readonly line: number;
}

export interface LinksAndTags {
  /** In text order. */
  readonly links: FoundLink[];
  /** Inline tags only (frontmatter tags are the scanner's job), in text order. */
  readonly tags: FoundTag[];
}
