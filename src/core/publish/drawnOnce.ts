// What a site draws once and shows on several pages (a RenderMemo, src/core/render/page.ts): a
// note on its own page and on its tag page, a paragraph quoted in the Backlinks of each note it
// links (10,000 notes: 86,000 quotes of 46,000 paragraphs). Drawn with stand-ins for what differs
// from page to page (the way up to the site's root, the heading-id prefix, the sidenote numbers)
// and filled in for each page, so a page reads byte for byte as if drawn there. A drawing that
// embeds a note depends on its page (the embed budget, the embeds' numbers): drawn there instead.
import type { NoteQueries } from '../index/types';
import { PageRenderer, type PageHost, type RenderMemo } from '../render/page';
import { relativeHref } from './urls';

/** Stand-ins open with NUL: markdown-it turns every NUL of a note into U+FFFD, so no note can write one. */
const MARK = '\u0000';
const numeral = (n: number) => `${MARK}N${n}${MARK}`;

/** What a stand-in becomes: the way up to the root, the root itself, the heading-id prefix, the nth sidenote. */
type StandIn = 'root' | 'home' | 'prefix' | number;

interface Drawing {
  /** Text between the stand-ins: parts[0], standIns[0], parts[1], ... */
  readonly parts: readonly string[];
  readonly standIns: readonly StandIn[];
  readonly sidenotes: number;
  /** The attachments it links or shows (its pages copy them). */
  readonly copies: readonly string[];
}

/** A site's PageHost that writes each of its addresses with `href(path from the site root)`. */
export type SiteHost = (href: (to: string) => string, copies: Set<string>) => PageHost;

export class DrawnOnce {
  /** By note, then by markdown (a note's text is one string object: hashed once); null: drawn on each page. */
  private readonly drawings = new Map<string, Map<string, Drawing | null>>();

  /**
   * `index` is the one the site's pages are drawn from; `host` gives its addresses; `shown(path)`
   * says whether a note's whole text shows on more than its own page (else it is not kept).
   */
  constructor(private readonly index: NoteQueries, private readonly host: SiteHost, private readonly shown: (path: string) => boolean = () => true) {}

  /** The memo for a page `root` below the site's root (`../../`, '' at the root) that copies the attachments it links into `copies`. */
  forPage(root: string, copies: Set<string>): RenderMemo {
    return {
      draw: (path, markdown, headingPrefix, counter) => {
        if (counter.prefix !== 'mg-sn-' || (!this.shown(path) && markdown === this.index.textOf(path))) return undefined;
        const drawing = this.drawing(path, markdown);
        if (!drawing) return undefined;
        const first = counter.next;
        counter.next += drawing.sidenotes;
        for (const c of drawing.copies) copies.add(c);
        const { parts, standIns } = drawing;
        let html = parts[0]!;
        for (let i = 0; i < standIns.length; i++) {
          const s = standIns[i]!;
          const n = typeof s === 'number' ? first + s - 1 : 0;
          html += (s === 'root' ? root : s === 'home' ? root || './' : s === 'prefix' ? headingPrefix : String(counter.numeral?.(n) ?? n)) + parts[i + 1]!;
        }
        return html;
      },
    };
  }

  private drawing(path: string, markdown: string): Drawing | null {
    let byText = this.drawings.get(path);
    if (!byText) this.drawings.set(path, byText = new Map());
    let drawing = byText.get(markdown);
    if (drawing === undefined) byText.set(markdown, drawing = this.draw(path, markdown));
    return drawing;
  }

  private draw(path: string, markdown: string): Drawing | null {
    const copies = new Set<string>();
    // relativeHref from the root: the path itself, or './' for the root (which a page below it writes `../`).
    const host = this.host(to => to === '' ? `${MARK}H` : `${MARK}R${relativeHref('', to)}`, copies);
    const renderer = new PageRenderer(this.index, host, 'mg-', undefined, undefined, undefined, numeral);
    const html = renderer.markdown(path, markdown, `${MARK}P`);
    if (renderer.embedsAskedFor > 0) return null;
    const parts: string[] = [];
    const standIns: StandIn[] = [];
    let from = 0;
    for (let at = html.indexOf(MARK); at >= 0; at = html.indexOf(MARK, from)) {
      parts.push(html.slice(from, at));
      const kind = html[at + 1];
      if (kind === 'R' || kind === 'H' || kind === 'P') {
        standIns.push(kind === 'R' ? 'root' : kind === 'H' ? 'home' : 'prefix');
        from = at + 2;
        continue;
      }
      const end = html.indexOf(MARK, at + 1);
      const n = kind === 'N' && end > at + 2 ? Number(html.slice(at + 2, end)) : NaN;
      // Not a stand-in of ours: a NUL from elsewhere (a title from frontmatter?). Drawn on each page.
      if (!Number.isInteger(n) || n < 1 || n > renderer.sidenoteCount) return null;
      standIns.push(n);
      from = end + 1;
    }
    parts.push(html.slice(from));
    return { parts, standIns, sidenotes: renderer.sidenoteCount, copies: [...copies] };
  }
}
