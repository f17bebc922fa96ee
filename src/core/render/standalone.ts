// One self-contained HTML file of a page (CLI `render`, "Export Note as HTML"): the same body
// as the panel, the preview's stylesheet and KaTeX's with its fonts inlined as data URIs, no
// script. Host-free: the host reads the stylesheets and fonts.
import type { NoteQueries } from '../index/types';
import { contentSecurityPolicy } from './contentPolicy';
import { pageHead } from './pageHead';

const IMAGE = /\.(?:png|jpe?g|gif|webp)$/i;
const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

/** KaTeX's `src:` lists name woff2, woff and ttf; keep woff2 alone, inlined. */
export function inlineKatexFonts(css: string, readFont: (file: string) => Uint8Array | undefined): string {
  return css
    .replace(/,\s*url\(fonts\/[^)]+\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '')
    .replace(/url\(fonts\/([^)]+\.woff2)\)/g, (whole, file: string) => {
      const bytes = readFont(file);
      return bytes ? `url(data:font/woff2;base64,${Buffer.from(bytes).toString('base64')})` : whole;
    });
}

/** A data URI for an image file, or undefined for a type a page does not inline. */
export function imageDataUri(path: string, bytes: Uint8Array): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const mime = MIME[ext];
  return mime && `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** The image attachments a page of `paths` may show: embedded by them or by the notes they embed (to depth 3). */
export function imagesOnPage(index: NoteQueries, paths: readonly string[]): string[] {
  const images = new Set<string>();
  const seen = new Set<string>();
  let level = [...paths];
  for (let depth = 0; depth <= 3 && level.length > 0; depth++) {
    const next: string[] = [];
    for (const path of level) {
      if (seen.has(path)) continue;
      seen.add(path);
      for (const { link, resolution } of index.forwardLinks(path)) {
        if (link.kind !== 'embed') continue;
        if (resolution.kind === 'attachment' && IMAGE.test(resolution.path)) images.add(resolution.path);
        else if (resolution.kind === 'note') next.push(resolution.path);
      }
    }
    level = next;
  }
  return [...images];
}

/** The page with its stylesheets inline and the preview's CSP: no script, nothing loaded but images. */
export function standaloneHtml(page: { title: string; html: string }, css: readonly string[], options: { remoteImages?: boolean } = {}): string {
  const csp = contentSecurityPolicy({ remoteImages: options.remoteImages });
  return `${pageHead({ title: page.title, csp, colorScheme: 'light dark', generator: true, inlineStyles: css })}
<body>
<main class="mg-page">
${page.html}</main>
</body>
</html>
`;
}
