// Attributes the preview needs on blocks: `data-line` (the source line, for scroll sync and
// for following the editor) on the page's own note, and an id on every heading so
// `[[note#Heading]]` can scroll there. Heading ids come from user text, so they carry a
// prefix (env.headingPrefix, `mg-h-` on a page; none without one) and never clobber the page's own names.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { Slugger } from '../syntax/slug';
import type { RenderEnv, WikiLinkMeta } from './types';

const IMAGE = /\.(?:png|jpe?g|gif|svg|webp|bmp|avif)$/i;
/** ` ^block-id` closing a paragraph or list item: an anchor for links, not text (as in Obsidian). */
const BLOCK_ID = /[ \t]\^[A-Za-z0-9-]+$/;

/** `^block-id` right after a wiki-link or embed (`![[chart.png]]^chart`), as the scanner reads it too. */
const BLOCK_ID_AFTER_LINK = /^\^[A-Za-z0-9-]+$/;

function hideBlockId(children: Token[]): void {
  const last = children[children.length - 1];
  if (last?.type !== 'text') return;
  if (BLOCK_ID.test(last.content)) last.content = last.content.replace(BLOCK_ID, '');
  else if (BLOCK_ID_AFTER_LINK.test(last.content) && ['wikiembed', 'wikilink_close'].includes(children[children.length - 2]?.type ?? '')) last.content = '';
}

function blockAttrsRule(state: MarkdownIt.StateCore): void {
  const env = state.env as RenderEnv;
  const slugger = new Slugger();
  const prefix = env.headingPrefix;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (prefix !== undefined && token.type === 'heading_open') {
      const inline = tokens[i + 1];
      if (inline?.type === 'inline') token.attrSet('id', prefix + slugger.slug(inline.content.trim()));
    }
    if (token.type === 'inline' && token.children) {
      // A `^block-id` on a line of its own names the block before it (a callout, a table): no text.
      if (token.children.length === 1 && token.children[0]!.type === 'text' && BLOCK_ID_AFTER_LINK.test(token.children[0]!.content) &&
        tokens[i - 1]?.type === 'paragraph_open' && tokens[i + 1]?.type === 'paragraph_close') {
        token.children = [];
        tokens[i - 1]!.hidden = true;
        tokens[i + 1]!.hidden = true;
        continue;
      }
      hideBlockId(token.children);
      // A paragraph that is one embed of a note: the embed is a block, no <p> around it.
      const only = token.children.length === 1 ? token.children[0]! : undefined;
      if (only?.type === 'wikiembed' && !IMAGE.test((only.meta as WikiLinkMeta).target) && tokens[i - 1]?.type === 'paragraph_open') {
        tokens[i - 1]!.hidden = true;
        tokens[i + 1]!.hidden = true;
      }
    }
    if (env.sourceLines && token.map && token.nesting >= 0 && token.type !== 'inline' && (token.level === 0 || token.type === 'list_item_open')) {
      token.attrSet('data-line', String(token.map[0]));
    }
  }
}

export function blockAttrs(md: MarkdownIt): void {
  md.core.ruler.push('block_attrs', blockAttrsRule);
}
