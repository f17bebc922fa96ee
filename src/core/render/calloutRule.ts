// Obsidian callouts: a blockquote whose first line is `[!type] Title`, foldable with `-`
// (closed) or `+` (open), nested by nesting quotes. Runs between the block and inline phases:
// the quote's tokens become callout tokens, and the title becomes an inline token of its own,
// so links, tags and math work in titles too.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const MARKER = /^\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*(.*)$/;

/** Obsidian's aliases, each to the type whose colour and icon it shares. */
const ALIASES: Record<string, string> = {
  summary: 'abstract', tldr: 'abstract',
  hint: 'tip', important: 'tip',
  check: 'success', done: 'success',
  help: 'question', faq: 'question',
  caution: 'warning', attention: 'warning',
  fail: 'failure', missing: 'failure',
  error: 'danger',
  cite: 'quote',
};
const TYPES = new Set(['note', 'abstract', 'info', 'todo', 'tip', 'success', 'question', 'warning', 'failure', 'danger', 'bug', 'example', 'quote']);

export interface CalloutMeta {
  /** The type as written, lowercase (`faq`). */
  readonly type: string;
  /** The canonical type its look comes from (`question`); `note` for types Obsidian does not know. */
  readonly kind: string;
  /** `-` folded, `+` foldable and open, '' not foldable. */
  readonly fold: '' | '+' | '-';
}

function calloutKind(type: string): string {
  const kind = ALIASES[type] ?? type;
  return TYPES.has(kind) ? kind : 'note';
}

/** Index of the blockquote_close that matches the open at `open`. */
function closeOf(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.type === 'blockquote_open') depth++;
    else if (tokens[i]!.type === 'blockquote_close' && --depth === 0) return i;
  }
  return -1;
}

function toCallout(state: MarkdownIt.StateCore, open: number): void {
  const tokens = state.tokens;
  const para = tokens[open + 1];
  const inline = tokens[open + 2];
  // A `---` line under the body makes the first paragraph a setext heading: its first line is still the marker.
  const setext = para?.type === 'heading_open' && (para.markup === '-' || para.markup === '=');
  if ((para?.type !== 'paragraph_open' && !setext) || inline?.type !== 'inline') return;
  const newline = inline.content.indexOf('\n');
  const firstLine = newline < 0 ? inline.content : inline.content.slice(0, newline);
  const m = MARKER.exec(firstLine);
  const close = closeOf(tokens, open);
  if (!m || close < 0) return;

  const type = m[1]!.toLowerCase();
  const meta: CalloutMeta = { type, kind: calloutKind(type), fold: m[2] as CalloutMeta['fold'] };
  const title = m[3]!.trim() || type.charAt(0).toUpperCase() + type.slice(1);

  const start = tokens[open]!;
  start.type = 'callout_open';
  start.meta = meta;
  tokens[close]!.type = 'callout_close';
  tokens[close]!.meta = meta;

  const titleOpen = new state.Token('callout_title_open', '', 1);
  titleOpen.meta = meta;
  const titleInline = new state.Token('inline', '', 0);
  titleInline.content = title;
  titleInline.map = start.map;
  titleInline.children = [];
  const titleClose = new state.Token('callout_title_close', '', -1);
  titleClose.meta = meta;

  const rest = newline < 0 ? '' : inline.content.slice(newline + 1);
  if (rest.trim() === '') {
    // The marker line was the whole first paragraph: drop it.
    tokens.splice(open + 1, 3, titleOpen, titleInline, titleClose);
  } else {
    inline.content = rest;
    if (para.map) para.map = [para.map[0] + 1, para.map[1]];
    if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]];
    tokens.splice(open + 1, 0, titleOpen, titleInline, titleClose);
  }
}

function calloutRule(state: MarkdownIt.StateCore): void {
  // From the end, so nested quotes are converted before the indexes above them shift.
  for (let i = state.tokens.length - 1; i >= 0; i--) {
    if (state.tokens[i]!.type === 'blockquote_open') toCallout(state, i);
  }
}

export function callouts(md: MarkdownIt): void {
  md.core.ruler.after('block', 'callout', calloutRule);
  const esc = md.utils.escapeHtml;
  const rules = md.renderer.rules;
  rules['callout_open'] = (tokens, idx, _options, _env, self) => {
    const meta = tokens[idx]!.meta as CalloutMeta;
    const tag = meta.fold ? 'details' : 'div';
    const attrs = self.renderAttrs(tokens[idx]!);
    return `<${tag} class="callout" data-callout="${esc(meta.kind)}" data-callout-type="${esc(meta.type)}"` +
      `${meta.fold === '+' ? ' open' : ''}${attrs}>\n`;
  };
  rules['callout_title_open'] = (tokens, idx) => {
    const meta = tokens[idx]!.meta as CalloutMeta;
    return `<${meta.fold ? 'summary' : 'div'} class="callout-title"><span class="callout-icon" aria-hidden="true"></span>` +
      '<span class="callout-title-inner">';
  };
  rules['callout_title_close'] = (tokens, idx) =>
    `</span></${(tokens[idx]!.meta as CalloutMeta).fold ? 'summary' : 'div'}>\n<div class="callout-content">\n`;
  rules['callout_close'] = (tokens, idx) => `</div>\n</${(tokens[idx]!.meta as CalloutMeta).fold ? 'details' : 'div'}>\n`;
}
