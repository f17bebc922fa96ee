// The start of every HTML page Marginalia writes, up to `</head>`: the preview's and the graph's
// webviews, an exported or `render`ed page, a published site's pages. One place for what each
// must have: the charset, the CSP first of all (before anything it governs), the viewport, the
// colour schemes the stylesheets draw, the title escaped.
import { escapeAttr } from './escape';

export interface PageHeadOptions {
  /** Plain text: escaped here. */
  readonly title: string;
  /** The policy, from contentSecurityPolicy(): every page has one. */
  readonly csp: string;
  /** Stylesheet addresses, in order. */
  readonly stylesheets?: readonly string[];
  /** Stylesheets written into the page (a standalone page loads nothing). */
  readonly inlineStyles?: readonly string[];
  /** `light dark` when the stylesheets draw both (the UA then paints the canvas and controls to match). */
  readonly colorScheme?: string;
  /** A page written to a file (export, `render`, publish) names its maker. */
  readonly generator?: boolean;
  /** Trusted markup after the stylesheets (a site's description, canonical link, feed, script). */
  readonly extra?: string;
}

export function pageHead(o: PageHeadOptions): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(o.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(o.colorScheme ? [`<meta name="color-scheme" content="${escapeAttr(o.colorScheme)}">`] : []),
    ...(o.generator ? ['<meta name="generator" content="Marginalia">'] : []),
    `<title>${escapeAttr(o.title)}</title>`,
    ...(o.stylesheets ?? []).map(href => `<link rel="stylesheet" href="${escapeAttr(href)}">`),
    ...(o.inlineStyles ?? []).map(css => `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`),
    ...(o.extra ? [o.extra] : []),
    '</head>',
  ].join('\n');
}
