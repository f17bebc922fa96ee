// How a citation is drawn: the formatted citation in the text and, like a Tufte book, the full
// reference as a sidenote in the margin beside it, numbered with the other sidenotes and folded
// under the same toggle on narrow panes (sidenoteRule.ts); then a References section at the end.
// Without a library in `env.citations` (VS Code's own preview, a host that has none) the
// citation stays as written, marked up as `<cite>`.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { citationFormatter } from '../citations/citeproc';
import type { CitationFormatter, CitationStyle } from '../citations/format';
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

/**
 * What the host gives a render for citations: the library, the style, whether references go in the
 * margin; and the page's formatter (citeproc), made on the first citation drawn.
 */
export class CitationContext {
  private made: CitationFormatter | undefined;
  private readonly expected: string[] = [];

  constructor(
    readonly style: CitationStyle,
    /** The full reference in the margin beside each citation (`marginalia.citations.margin`). */
    readonly margin: boolean,
    readonly item: (key: string) => CslItem | undefined,
  ) {}

  /**
   * Keys the page cites, in order: registered before the first is drawn, so that numbers and
   * disambiguation (2017a/2017b) hold for the whole page. A key cited only later (an embed) is
   * registered when drawn.
   */
  expect(keys: Iterable<string>): void {
    if (this.made) this.made.cite(keys);
    else this.expected.push(...keys);
  }

  formatter(): CitationFormatter {
    if (!this.made) {
      this.made = citationFormatter(this.style, this.item);
      this.made.cite(this.expected);
    }
    return this.made;
  }

  /** Whether a citation was drawn on the page (the References section is then due). */
  get drawn(): boolean {
    return this.made !== undefined;
  }
}

export interface CitationEnv extends RenderEnv {
  citations?: CitationContext;
}

export function renderCitation(meta: CitationMeta, env: CitationEnv): string {
  const context = env.citations;
  const keys = meta.group.cites.map(c => c.key);
  const data = escapeAttr(keys.join(' '));
  if (!context) return `<cite class="citation" data-cites="${data}">${escapeAttr(meta.source)}</cite>`;
  const formatter = context.formatter();
  const known = keys.filter(k => context.item(k));
  const missing = keys.length > known.length ? ' citation-missing' : '';
  const text = formatter.citation(meta.group.cites, meta.group.bracketed);
  const cite = `<cite class="citation${missing}" data-cites="${data}">${text}</cite>`;
  if (!context.margin || known.length === 0) return cite;
  const counter = (env.sidenotes ??= { next: 1, prefix: 'mg-sn-' });
  const number = counter.next++;
  const n = counter.numeral?.(number) ?? number;
  const id = `${counter.prefix}${n}`;
  const refs = [...new Set(known)].map(k => `<span class="sidenote-par citation-ref">${formatter.reference(k)}</span>`).join('');
  return (
    `${cite}<input type="checkbox" id="${id}" class="margin-toggle" aria-label="Show reference ${n}">` +
    `<label for="${id}" class="sidenote-number">${n}</label>` +
    `<span class="sidenote citation-sidenote" role="note"><span class="sidenote-label">${n}</span> ${refs}</span>`
  );
}

/** The keys of the citations in parsed tokens, in order. */
export function citationKeysOf(tokens: readonly Token[]): string[] {
  const keys: string[] = [];
  for (const token of tokens) {
    if (token.children) keys.push(...citationKeysOf(token.children));
    else if (token.type === 'citation') keys.push(...(token.meta as CitationMeta).group.cites.map(c => c.key));
  }
  return keys;
}

/** The References section: each cited entry the library knows, in the style's order; '' when none. */
export function referencesSection(context: CitationContext | undefined): string {
  if (!context?.drawn) return '';
  const items = context.formatter().references();
  if (items.length === 0) return '';
  const list = items.map(e => `<li id="ref-${escapeAttr(e.key)}" class="reference">${e.html}</li>`).join('\n');
  return `<section class="references">\n<h2 class="references-title">References</h2>\n<ol class="references-list ${context.style}">\n${list}\n</ol>\n</section>\n`;
}

export function citationRender(md: MarkdownIt): void {
  md.renderer.rules['citation'] = (tokens, idx, _options, env) => renderCitation(tokens[idx]!.meta as CitationMeta, env as CitationEnv);
}
