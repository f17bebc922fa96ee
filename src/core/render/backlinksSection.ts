// The Backlinks section at the end of a note, as the seed page has it: each linking note as a
// link, and under it the paragraph that links here, rendered (math, links, sidenotes).
import type { Backlink } from '../index/types';
import type { PageTexts } from './pageTexts';
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

/** A context that opens with a callout's `[!type]` line came out of a callout: quoted again, it draws as one. */
const CALLOUT_LINE = /^\[![A-Za-z][\w-]*\]/;

/** A GFM table's delimiter row (`| --- | :-: |`). */
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/**
 * The markdown the section draws for a context: as the note draws it, not its source. A
 * callout's context is quoted again so it draws as a callout; a table row (quoted without its
 * header, so no table) becomes its cells' text, split where the table splits (`|`, not `\|`).
 */
export function contextMarkdown(context: string): string {
  if (CALLOUT_LINE.test(context)) return context.replace(/^/gm, '> ');
  const lines = context.split('\n').map(l => l.trim());
  if (!lines.every(l => l.startsWith('|'))) return context;
  return lines.filter(l => !DELIMITER_ROW.test(l))
    .map(l => l.replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map(cell => cell.trim()).filter(cell => cell !== '').join(' · '))
    .join('\n\n');
}

/** `of` is the linked note's title: a page of several notes (a tag page) has one Backlinks region per note, each named apart. */
export function backlinksSection(backlinks: readonly Backlink[], texts: Pick<PageTexts, 'text'>, draw: BacklinkDrawing, of?: string): string {
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
      const definitions = footnoteDefinitions(texts.text(source) ?? '', c);
      return `<div class="backlink-context" data-line="${links.find(l => l.context === c)!.contextStart.line}">` +
        draw.render(source, definitions ? `${contextMarkdown(c)}\n\n${definitions}` : contextMarkdown(c)) + '</div>';
    });
    items.push(`<li class="backlink" data-path="${escapeAttr(source)}"><a class="wikilink backlink-source" href="${escapeAttr(draw.href(source))}">` +
      `${escapeAttr(draw.title(source))}</a>\n${quotes.join('\n')}</li>`);
  }
  const label = of === undefined ? 'Backlinks' : `Backlinks to ${of}`;
  return `<section class="backlinks" aria-label="${escapeAttr(label)}">\n<h2 class="backlinks-title">Backlinks</h2>\n<ul class="backlinks-list">\n${items.join('\n')}\n</ul>\n</section>\n`;
}
