// The Backlinks section at the end of a note, as the seed page has it: each linking note as a
// link, and under it the paragraph that links here, rendered (math, links, sidenotes).
import type { Backlink, NoteQueries } from '../index/types';
import { escapeAttr } from './escape';

export interface BacklinkDrawing {
  title(source: string): string;
  href(source: string): string;
  /** HTML of `markdown` read as if written in `source`. */
  render(source: string, markdown: string): string;
}

/** `[^x]: ...` and the indented lines that continue it. */
const DEFINITION = /^\[\^[^\]\s]+\]:.*(?:\n(?:[ \t]+.*|[ \t]*(?=\n[ \t]+\S)))*/gm;

/**
 * The footnote definitions of `text`, so a quoted paragraph's `[^1]` still shows its sidenote
 * (markdown-it-footnote drops the ones the paragraph does not use).
 */
export function footnoteDefinitions(text: string): string {
  if (!text.includes('[^')) return '';
  return (text.match(DEFINITION) ?? []).join('\n');
}

export function backlinksSection(backlinks: readonly Backlink[], index: NoteQueries, draw: BacklinkDrawing): string {
  if (backlinks.length === 0) return '';
  const bySource = new Map<string, Backlink[]>();
  for (const b of backlinks) {
    const list = bySource.get(b.source);
    if (list) list.push(b);
    else bySource.set(b.source, [b]);
  }
  const items: string[] = [];
  for (const [source, links] of bySource) {
    const definitions = footnoteDefinitions(index.textOf(source) ?? '');
    // One paragraph may hold two links here: quote it once.
    const contexts = [...new Set(links.map(l => l.context))];
    const quotes = contexts.map(c => `<div class="backlink-context" data-line="${links.find(l => l.context === c)!.contextStart.line}">` +
      draw.render(source, definitions ? `${c}\n\n${definitions}` : c) + '</div>');
    items.push(`<li class="backlink" data-path="${escapeAttr(source)}"><a class="wikilink backlink-source" href="${escapeAttr(draw.href(source))}">` +
      `${escapeAttr(draw.title(source))}</a>\n${quotes.join('\n')}</li>`);
  }
  return `<section class="backlinks" aria-label="Backlinks">\n<h2 class="backlinks-title">Backlinks</h2>\n<ul class="backlinks-list">\n${items.join('\n')}\n</ul>\n</section>\n`;
}
