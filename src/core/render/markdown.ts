// The one markdown-it pipeline of DESIGN.md §5, and the links and tags it sees (which the
// differential test holds against the scanner: one meaning, two readers).
import MarkdownIt from 'markdown-it';
import { noteTarget } from '../syntax/noteLink';
import mark from 'markdown-it-mark';
import { blockAttrs } from './blockAttrsRule';
import { callouts } from './calloutRule';
import { citations } from './citationRule';
import { frontmatter } from './frontmatterRule';
import { htmlComments } from './htmlCommentRule';
import { htmlTags } from './htmlTagRule';
import { linkOffsets, type MarkdownLinkMeta } from './linkOffsetRule';
import { math } from './math';
import { noteLinkRender } from './noteLinkRender';
import { obsidianComments } from './obsidianCommentRule';
import { sanitizer } from './sanitizeRule';
import { sidenotes } from './sidenoteRule';
import { tags } from './tagRule';
import { taskLists } from './taskListRule';
import type { FoundLink, FoundTag, LinksAndTags, TagMeta, WikiLinkMeta } from './types';
import { wikiLinks } from './wikiLinkRule';

export interface MarkdownOptions {
  /**
   * Let raw HTML through, cleaned by an allow-list (sanitizeRule.ts). Off by default, when it
   * shows as text. HTML comments are read as comments either way.
   */
  readonly html?: boolean;
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  // linkify and typographer off: neither the scanner nor Obsidian turns bare URLs into
  // links or rewrites quotes, and a URL's `#anchor` must stay plain text.
  const md = new MarkdownIt('default', { html: options.html ?? false, linkify: false, typographer: false });
  // A byte-order mark belongs to no line (the scanner skips it too); left in, it would hide a
  // first-line heading or frontmatter.
  md.core.ruler.before('normalize', 'byte_order_mark', (state) => {
    if (state.src.charCodeAt(0) === 0xfeff) state.src = state.src.slice(1);
  });
  return md.use(frontmatter).use(htmlComments).use(htmlTags).use(obsidianComments).use(math).use(wikiLinks).use(tags).use(citations).use(linkOffsets)
    .use(noteLinkRender).use(sidenotes).use(callouts).use(mark).use(taskLists).use(sanitizer).use(blockAttrs);
}

/** 0-based line of an offset into an inline token's content, given the line the content starts on. */
function lineFinder(content: string, firstLine: number): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return firstLine + lo;
  };
}

/** What markdown-it-footnote keeps in env: an inline footnote's own parsed tokens. */
interface FootnoteEnv {
  footnotes?: { list?: Array<{ tokens?: MarkdownIt.Token[] } | undefined> };
  footnoteDefinitions?: MarkdownIt.Token[];
}

function collectInline(children: MarkdownIt.Token[], lineOf: (offset: number) => number, found: LinksAndTags,
  source: { content: string; env: FootnoteEnv; cursor: number; open: ReadonlySet<number> }): void {
  for (const token of children) {
    const id = token.type === 'footnote_ref' ? (token.meta as { id: number }).id : -1;
    const inlineNote = id >= 0 && !source.open.has(id) ? source.env.footnotes?.list?.[id]?.tokens : undefined;
    if (inlineNote) {
      // `^[...]` was parsed from a slice of this source: its offsets count from after `^[`.
      const at = source.content.indexOf('^[', source.cursor);
      const start = at < 0 ? 0 : at + 2;
      source.cursor = start;
      collectInline(inlineNote, offset => lineOf(start + offset), found, { ...source, cursor: 0, open: new Set([...source.open, id]) });
      continue;
    }
    if (token.type === 'wikilink_open' || token.type === 'wikiembed') {
      const { offset, inner, ...parts } = token.meta as WikiLinkMeta;
      const link: FoundLink = { ...parts, line: lineOf(offset) };
      found.links.push(link);
    } else if (token.type === 'tag_open') {
      const { name, offset } = token.meta as TagMeta;
      const tag: FoundTag = { name, line: lineOf(offset) };
      found.tags.push(tag);
    } else if (token.type === 'link_open') {
      // The scanner's own test of which destinations name notes (the raw text it also takes
      // only measures the path for the scanner's ranges: not needed here).
      const meta = token.meta as MarkdownLinkMeta | null;
      const note = meta && noteTarget(token.attrGet('href') ?? '', '');
      if (!meta || !note) continue;
      const { pathLength, ...parts } = note;
      found.links.push({ kind: 'markdown', ...parts, label: meta.label, line: lineOf(meta.offset) });
    }
    // An image's children are its alt text, not visible content: nothing there counts.
  }
}

/**
 * The wiki-links, embeds, markdown links to `.md` notes and inline tags that `md` (made by
 * createMarkdown) finds in `text`, in text order.
 */
export function collectLinksAndTags(md: MarkdownIt, text: string): LinksAndTags {
  const found: LinksAndTags = { links: [], tags: [] };
  let line = 0; // table cells carry no map: they take their row's
  const env: FootnoteEnv = {};
  const tokens = md.parse(text, env);
  // Footnote definitions are taken out of the flow for the sidenotes (sidenoteRule.ts); their
  // links count too. Inline footnotes (no source lines of their own) are read where their `^[` stands.
  tokens.push(...(env.footnoteDefinitions ?? []));
  for (const token of tokens) {
    if (token.map) line = token.map[0];
    if (token.type !== 'inline' || !token.children) continue;
    collectInline(token.children, lineFinder(token.content, line), found, { content: token.content, env, cursor: 0, open: new Set() });
  }
  // The definitions came last: back into text order (a stable sort keeps each line's own order).
  if (env.footnoteDefinitions) {
    found.links.sort((a, b) => a.line - b.line);
    found.tags.sort((a, b) => a.line - b.line);
  }
  return found;
}
