// How a citation is drawn: the formatted citation in the text and, like a Tufte book, the full
// reference as a sidenote in the margin beside it, numbered with the other sidenotes and folded
// under the same toggle on narrow panes (sidenoteRule.ts); then a References section at the end.
// Without a library in `env.citations` (VS Code's own preview, a host that has none) the
// citation stays as written, marked up as `<cite>`.
import type MarkdownIt from 'markdown-it';
import { formatCitation, formatReference, type CitationStyle } from '../citations/format';
import type { CslItem } from '../citations/types';
import { escapeAttr } from './escape';
import type { CiteGroup } from '../syntax/citation';
import type { RenderEnv } from './types';

/** What the citation rule (citationRule.ts) leaves on its token for this renderer. */
export interface CitationMeta {
  readonly group: CiteGroup;
  /** The group as written (offsets in `group` count into the inline source it was read from). */
  readonly source: string;
}

/** What the host gives a render for citations (per page: `cited` and `numbers` fill as it renders). */
export interface CitationContext {
  readonly style: CitationStyle;
  /** The full reference in the margin beside each citation (`marginalia.citations.margin`). */
  readonly margin: boolean;
  item(key: string): CslItem | undefined;
  /** Keys in order of first citation on the page: the References section and numeric's numbers. */
  readonly cited: string[];
}

export interface CitationEnv extends RenderEnv {
  citations?: CitationContext;
}

function numberOf(context: CitationContext, key: string): number {
  let n = context.cited.indexOf(key);
  if (n < 0) n = context.cited.push(key) - 1;
  return n + 1;
}

export function renderCitation(meta: CitationMeta, env: CitationEnv): string {
  const context = env.citations;
  const keys = meta.group.cites.map(c => c.key);
  const data = escapeAttr(keys.join(' '));
  if (!context) return `<cite class="citation" data-cites="${data}">${escapeAttr(meta.source)}</cite>`;
  const known = keys.filter(k => context.item(k));
  for (const key of known) numberOf(context, key);
  const missing = keys.length > known.length ? ' citation-missing' : '';
  const text = formatCitation(meta.group.cites, meta.group.bracketed, context.style, k => context.item(k), k => numberOf(context, k));
  const cite = `<cite class="citation${missing}" data-cites="${data}">${text}</cite>`;
  if (!context.margin || known.length === 0) return cite;
  const counter = (env.sidenotes ??= { next: 1, prefix: 'mg-sn-' });
  const number = counter.next++;
  const n = counter.numeral?.(number) ?? number;
  const id = `${counter.prefix}${n}`;
  const refs = [...new Set(known)]
    .map(k => `<span class="sidenote-par citation-ref">${formatReference(context.item(k)!, context.style, context.style === 'numeric' ? numberOf(context, k) : undefined)}</span>`)
    .join('');
  return (
    `${cite}<input type="checkbox" id="${id}" class="margin-toggle" aria-label="Show reference ${n}">` +
    `<label for="${id}" class="sidenote-number">${n}</label>` +
    `<span class="sidenote citation-sidenote" role="note"><span class="sidenote-label">${n}</span> ${refs}</span>`
  );
}

/** The References section: each cited entry the library knows, in the style's order; '' when none. */
export function referencesSection(context: CitationContext | undefined): string {
  if (!context || context.cited.length === 0) return '';
  const items = context.cited.map((key, i) => ({ key, item: context.item(key), n: i + 1 })).filter(e => e.item);
  if (items.length === 0) return '';
  if (context.style === 'author-date') {
    items.sort((a, b) => formatReference(a.item!, 'author-date').localeCompare(formatReference(b.item!, 'author-date')));
  }
  const list = items
    .map(e => `<li id="ref-${escapeAttr(e.key)}" class="reference">${formatReference(e.item!, context.style, context.style === 'numeric' ? e.n : undefined)}</li>`)
    .join('\n');
  return `<section class="references">\n<h2 class="references-title">References</h2>\n<ol class="references-list ${context.style}">\n${list}\n</ol>\n</section>\n`;
}

export function citationRender(md: MarkdownIt): void {
  md.renderer.rules['citation'] = (tokens, idx, _options, env) => renderCitation(tokens[idx]!.meta as CitationMeta, env as CitationEnv);
}
