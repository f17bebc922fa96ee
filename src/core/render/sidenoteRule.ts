// Footnotes (`[^x]` + `[^x]: ...`, inline `^[...]`) as Tufte sidenotes: markdown-it-footnote
// parses them; this moves each footnote's content from the end of the note to its first
// reference, as a `<span class="sidenote">` that the stylesheet floats into the margin (or
// folds under a checkbox toggle on narrow panes, as tufte-css does). Numbers are given when
// rendering, from a counter the page shares (env.sidenotes), so a tag page or an embed keeps
// one numbering in reading order, and the text and the margin always show the same number.
import type MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type Token from 'markdown-it/lib/token.mjs';
import type { RenderEnv, SidenoteCounter } from './types';

interface FootnoteRefMeta {
  readonly id: number;
  readonly subId?: number;
  /** The footnote's content tokens, put here when parsing (a host may render with another env than it parsed with). */
  content?: Token[];
}

interface SidenoteEnv extends RenderEnv {
  /** Every `[^x]: ...` definition's tokens, used or not, in text order (collectLinksAndTags reads them). */
  footnoteDefinitions?: Token[];
  /** Footnote id -> the number it was given when first rendered. */
  sidenoteNumbers?: Map<number, number>;
  /** How many sidenotes are being drawn around this point (a footnote citing a footnote...). */
  sidenoteDepth?: number;
}

/**
 * How deep sidenotes nest inside sidenotes before the next is drawn as a plain reference: a
 * chain of 2,000 footnotes each citing the next overflowed the stack.
 */
export const MAX_SIDENOTE_DEPTH = 8;

/** What markdown-it-footnote keeps in env while parsing: one entry per footnote id. */
interface FootnoteList {
  footnotes?: { list?: Array<{ label?: string; tokens?: Token[]; content?: string } | undefined> };
}

/**
 * In place of markdown-it-footnote's footnote_tail, which appends a footnote block by copying
 * the whole token list once per footnote (5,000 footnotes: 8 s): the definitions are taken out
 * of the flow in one pass and each reference carries its footnote's content, also a reference
 * inside another footnote.
 */
function collectFootnotes(state: MarkdownIt.StateCore): void {
  const list = (state.env as FootnoteList).footnotes?.list;
  if (!(state.env as FootnoteList).footnotes) return;
  const definitions = new Map<string, Token[]>();
  const flow: Token[] = [];
  let current: Token[] | undefined;
  let label = '';
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      current = [];
      label = (token.meta as { label: string }).label;
    } else if (token.type === 'footnote_reference_close') {
      if (current) definitions.set(label, current); // a repeated label: the last definition, as markdown-it-footnote
      current = undefined;
    } else if (current) current.push(token);
    else flow.push(token);
  }
  state.tokens = flow;
  if (!list) return;
  const content: Token[][] = list.map(item => {
    if (item?.tokens) {
      const inline = new state.Token('inline', '', 0);
      inline.children = item.tokens;
      inline.content = item.content ?? '';
      return [inline];
    }
    return (item?.label !== undefined && definitions.get(item.label)) || [];
  });
  for (const inline of [...flow, ...content.flat()]) {
    if (inline?.type !== 'inline') continue;
    for (const child of inline.children ?? []) {
      if (child.type === 'footnote_ref') (child.meta as FootnoteRefMeta).content = content[(child.meta as FootnoteRefMeta).id] ?? [];
    }
  }
}

/**
 * A sidenote is a `<span>` inside a paragraph, so its content is drawn as phrasing content:
 * each paragraph's inline tokens, paragraphs apart as `.sidenote-par` spans, code as `<code>`.
 */
function renderContent(tokens: Token[], md: MarkdownIt, options: MarkdownIt.Options, env: SidenoteEnv): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline' && token.children) parts.push(md.renderer.renderInline(token.children, options, env));
    else if (token.type === 'fence' || token.type === 'code_block') parts.push(`<code>${md.utils.escapeHtml(token.content)}</code>`);
    // KaTeX's display block is a <p>, which would end the paragraph the sidenote sits in.
    else if (token.type === 'math_block') parts.push(md.renderer.render([token], options, env).replace(/^<p class="katex-block/, '<span class="katex-block').replace(/<\/p>\n?$/, '</span>'));
  }
  return parts.map(p => `<span class="sidenote-par">${p}</span>`).join('');
}

function counterOf(env: SidenoteEnv): SidenoteCounter {
  return (env.sidenotes ??= { next: 1, prefix: 'mg-sn-' });
}

/** Before collectFootnotes keeps only the used definitions: the others' links are links all the same. */
function keepDefinitions(state: MarkdownIt.StateCore): void {
  let inside = 0;
  const kept: Token[] = [];
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') inside++;
    else if (token.type === 'footnote_reference_close') inside--;
    else if (inside > 0) kept.push(token);
  }
  if (kept.length) (state.env as SidenoteEnv).footnoteDefinitions = kept;
}

export function sidenotes(md: MarkdownIt): void {
  md.use(footnote);
  md.core.ruler.before('footnote_tail', 'footnote_definitions', keepDefinitions);
  md.core.ruler.at('footnote_tail', collectFootnotes);
  md.renderer.rules['footnote_ref'] = (tokens, idx, options, rawEnv) => {
    const env = rawEnv as SidenoteEnv;
    const meta = tokens[idx]!.meta as FootnoteRefMeta;
    const numbers = (env.sidenoteNumbers ??= new Map());
    const counter = counterOf(env);
    const known = numbers.get(meta.id);
    if (known !== undefined) {
      // A footnote referenced again: the same number, pointing at the one sidenote.
      const k = counter.numeral?.(known) ?? known;
      return `<label for="${counter.prefix}${k}" class="sidenote-number sidenote-again">${k}</label>`;
    }
    const depth = env.sidenoteDepth ?? 0;
    if (depth >= MAX_SIDENOTE_DEPTH) {
      return `<sup class="sidenote-number sidenote-too-deep" title="A footnote nested ${depth} deep in footnotes: not drawn">*</sup>`;
    }
    const number = counter.next++;
    numbers.set(meta.id, number);
    const n = counter.numeral?.(number) ?? number;
    const id = `${counter.prefix}${n}`;
    env.sidenoteDepth = depth + 1;
    let body: string;
    try {
      body = renderContent(meta.content ?? [], md, options, env);
    } finally {
      env.sidenoteDepth = depth;
    }
    return (
      `<input type="checkbox" id="${id}" class="margin-toggle" aria-label="Show sidenote ${n}">` +
      `<label for="${id}" class="sidenote-number">${n}</label>` +
      `<span class="sidenote" role="note"><span class="sidenote-label">${n}</span> ${body}</span>`
    );
  };
}
