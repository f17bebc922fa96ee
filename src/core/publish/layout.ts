// The shell around every page of a published site: the CSP (as strict as the preview's:
// scripts only from the site's own files, no inline script), the stylesheets, the site's
// header and navigation. Every href in it is relative, so the site works from any folder of
// any host (GitHub Pages' /repo/ included) and from disk.
import { contentSecurityPolicy } from '../render/contentPolicy';
import { escapeAttr } from '../render/escape';
import { pageHead } from '../render/pageHead';

/** The preview's policy with the site's own files as `self`: its script file (no inline script), its fetches (popovers, search). */
export const SITE_CSP = contentSecurityPolicy({ self: "'self'", scriptsFromSelf: true, connectToSelf: true });

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
  const extra = '<link rel="icon" href="data:,">\n' +
    (o.description ? `<meta name="description" content="${escapeAttr(o.description)}">\n` : '') +
    (o.canonical ? `<link rel="canonical" href="${escapeAttr(o.canonical)}">\n` : '') +
    (o.feed ? `<link rel="alternate" type="application/atom+xml" title="${escapeAttr(o.siteTitle)}" href="${a('feed.xml')}">\n` : '') +
    `<script src="${a('assets/site.js')}" defer></script>`;
  const stylesheets = ['assets/katex/katex.min.css', 'assets/notes.css', 'assets/preview.css', 'assets/site.css'].map(p => o.root + p);
  return `${pageHead({ title, csp: SITE_CSP, colorScheme: 'light dark', generator: true, stylesheets, extra })}
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
