// The shell around every page of a published site: the CSP (as strict as the preview's:
// scripts only from the site's own files, no inline script), the stylesheets, the site's
// header and navigation. Every href in it is relative, so the site works from any folder of
// any host (GitHub Pages' /repo/ included) and from disk.
import { escapeAttr } from '../render/escape';

/** KaTeX sets formula layout in style attributes (hence 'unsafe-inline' for styles, as in the preview); a note's own styles never get through the sanitizer. */
export const SITE_CSP = [
  "default-src 'none'",
  "img-src 'self' https: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface ShellOptions {
  readonly siteTitle: string;
  /** `../../` from this page to the site root (`''` at the root). */
  readonly root: string;
  readonly title: string;
  /** Trusted HTML of `<main>`. */
  readonly main: string;
  /** A short description for `<meta name="description">` (plain text). */
  readonly description?: string;
  readonly feed?: boolean;
  /** The page's absolute URL when the site knows its base. */
  readonly canonical?: string;
  /** Extra class on <body> (`page-note`, `page-tag`, ...). */
  readonly kind: string;
}

export function pageShell(o: ShellOptions): string {
  const r = o.root === '' ? './' : o.root;
  const a = (p: string) => escapeAttr(o.root + p);
  const title = o.title === o.siteTitle ? o.siteTitle : `${o.title} · ${o.siteTitle}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Marginalia">
<link rel="icon" href="data:,">
<title>${escapeAttr(title)}</title>
${o.description ? `<meta name="description" content="${escapeAttr(o.description)}">\n` : ''}${o.canonical ? `<link rel="canonical" href="${escapeAttr(o.canonical)}">\n` : ''}<link rel="stylesheet" href="${a('assets/katex/katex.min.css')}">
<link rel="stylesheet" href="${a('assets/notes.css')}">
<link rel="stylesheet" href="${a('assets/preview.css')}">
<link rel="stylesheet" href="${a('assets/site.css')}">
${o.feed ? `<link rel="alternate" type="application/atom+xml" title="${escapeAttr(o.siteTitle)}" href="${a('feed.xml')}">\n` : ''}<script src="${a('assets/site.js')}" defer></script>
</head>
<body class="${escapeAttr(o.kind)}" data-root="${escapeAttr(r)}">
<header class="site-header">
<a class="site-title" href="${escapeAttr(r)}">${escapeAttr(o.siteTitle)}</a>
<nav class="site-nav" aria-label="Site">
<a href="${a('notes/')}">Notes</a>
<a href="${a('tags/')}">Tags</a>
<a href="${a('graph/')}">Graph</a>
<a href="${a('search/')}">Search</a>
</nav>
</header>
<main class="mg-page" id="mg-content">
${o.main}</main>
<footer class="site-footer">Published with Marginalia</footer>
</body>
</html>
`;
}
