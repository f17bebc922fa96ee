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
 * The footnote definitions of `text` that `context` refers to, so a quoted paragraph's `[^1]`
 * still shows its sidenote (only those: a note's other footnotes would cost a parse for nothing).
 */
export function footnoteDefinitions(text: string, context: string): string {
  if (!context.includes('[^')) return '';
  const used = new Set([...context.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].map(m => m[1]!));
  return (text.match(DEFINITION) ?? []).filter(d => used.has(d.slice(2, d.indexOf(']')))).join('\n');
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
    // One paragraph may hold two links here: quote it once.
    const contexts = [...new Set(links.map(l => l.context))];
    const quotes = contexts.map(c => {
      const definitions = footnoteDefinitions(index.textOf(source) ?? '', c);
      return `<div class="backlink-context" data-line="${links.find(l => l.context === c)!.contextStart.line}">` +
        draw.render(source, definitions ? `${c}\n\n${definitions}` : c) + '</div>';
    });
    items.push(`<li class="backlink" data-path="${escapeAttr(source)}"><a class="wikilink backlink-source" href="${escapeAttr(draw.href(source))}">` +
      `${escapeAttr(draw.title(source))}</a>\n${quotes.join('\n')}</li>`);
  }
  return `<section class="backlinks" aria-label="Backlinks">\n<h2 class="backlinks-title">Backlinks</h2>\n<ul class="backlinks-list">\n${items.join('\n')}\n</ul>\n</section>\n`;
}
