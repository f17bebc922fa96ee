// A note as the preview shows it (DESIGN.md §5): its body through the one pipeline, links
// resolved by the index, embeds drawn inline (nested to depth 3, cycles cut), sidenotes
// numbered once for the whole page, and a Backlinks section quoting each linking paragraph.
// Host-free: the host says how a vault path becomes an address (a webview URI, a file path).
import type MarkdownIt from 'markdown-it';
import type { NoteQueries } from '../index/types';
import { shownBacklinks } from '../views/backlinkRows';
import { backlinksSection } from './backlinksSection';
import { CitationContext, referencesSection, citationKeysOf } from './citationRender';
import type { CitationStyle } from '../citations/format';
import type { CslItem } from '../citations/types';
import { embedSource } from './embedSource';
import { keptTexts, type PageTexts } from './pageTexts';
import { escapeAttr } from './escape';
import { createMarkdown } from './markdown';
import { safeHref } from './safeHref';
import type { RenderEnv, ResolvedHref, SidenoteCounter, WikiLinkMeta } from './types';

/** How deep embeds nest before the next one is shown as a link (Obsidian and MPE stop there too). */
export const MAX_EMBED_DEPTH = 3;

/**
 * What one page may draw of other notes. Depth alone does not bound it: four small notes each
 * embedding the next 20 times drew 160,000 embeds (140 MB of HTML, on every keystroke); 50
 * times, a string longer than V8 allows. Past either budget an embed is a link with a marker.
 */
export const MAX_EMBEDS_PER_PAGE = 200;
export const MAX_EMBEDDED_CHARS = 4_000_000;

/**
 * The longest note text a page renders (UTF-16 units): a little more than the index reads by
 * default (5 MB). A 50 MB note rendered for 30 s and died at 2.9 GB; a longer one is refused.
 */
export const MAX_RENDER_CHARS = 6_000_000;

/** The words for a note too long to render, naming it. */
export function tooLongToRender(path: string, length: number): string {
  return `${path} is too long to render (${(length / 1_000_000).toFixed(1)} million characters; the limit is ${MAX_RENDER_CHARS / 1_000_000} million): open it as text`;
}

export interface PageHost {
  /** The address of a vault note, opened by a click (`papers/a.md#Intro`). */
  noteHref(path: string, fragment?: string): string;
  /** The address an `<img>` loads a vault file from (a webview URI, a data URI, a relative path). */
  imageSrc(path: string): string;
}

/**
 * Markdown drawn once for many pages (a site: a note on its page and on its tag page, a paragraph
 * quoted in the Backlinks of each note it links): the page's HTML of `markdown` read as written in
 * `path`, its heading ids prefixed `headingPrefix`, its sidenotes numbered from `counter` (which it
 * advances); undefined when it must be drawn on the page itself (it embeds a note).
 */
export interface RenderMemo {
  draw(path: string, markdown: string, headingPrefix: string, counter: SidenoteCounter): string | undefined;
}

export interface PageOptions {
  /** The Backlinks section at the end (`marginalia.preview.backlinks`). */
  readonly backlinks?: boolean;
  /** Where drawings shared with other pages come from (a site; never with citations, which number per page). */
  readonly memo?: RenderMemo;
  /** Images from http(s) servers may load (`marginalia.preview.remoteImages`); a page written out says so in its CSP. */
  readonly remoteImages?: boolean;
  /** Citations drawn from a library (`[@key]` formatted, the reference in the margin, a References section). */
  readonly citations?: PageCitations;
  /** Other notes' texts and the backlinks, read first (`loadPageTexts`); default: the texts the index keeps. */
  readonly texts?: PageTexts;
}

/** The library and the style a page's citations are drawn with. */
export interface PageCitations {
  readonly style: CitationStyle;
  readonly margin: boolean;
  item(key: string): CslItem | undefined;
}

export interface RenderedPage {
  readonly title: string;
  /** The page's body: trusted HTML (everything from notes escaped or sanitized). */
  readonly html: string;
  /** How many sidenotes it shows. */
  readonly sidenotes: number;
}

let shared: MarkdownIt | undefined;
/** The preview's pipeline: the shared one with raw HTML let through its sanitizer. */
export function previewMarkdown(): MarkdownIt {
  return (shared ??= createMarkdown({ html: true }));
}

export class PageRenderer {
  private readonly md = previewMarkdown();
  private readonly counter: SidenoteCounter;
  private embeds = 0;
  /** Embeds asked for, drawn or not: a drawing that has any depends on the page (its budget, its numbers). */
  private embedsAsked = 0;
  /** Characters of embedded HTML drawn so far on this page (nested ones counted in each level). */
  private embeddedChars = 0;
  /** The page's citations, numbered and listed in the order first cited (embeds included). */
  readonly citations: CitationContext | undefined;

  constructor(
    private readonly index: NoteQueries,
    private readonly host: PageHost,
    idPrefix = 'mg-',
    citations?: PageCitations,
    private readonly texts: PageTexts = keptTexts(index),
    memo?: RenderMemo,
    numeral?: (n: number) => string,
  ) {
    this.counter = { next: 1, prefix: `${idPrefix}sn-`, ...(numeral ? { numeral } : {}) };
    this.citations = citations && new CitationContext(citations.style, citations.margin, key => citations.item(key));
    this.memo = citations ? undefined : memo;
  }

  private readonly memo: RenderMemo | undefined;

  get sidenoteCount(): number {
    return this.counter.next - 1;
  }

  /** How many embeds its drawings asked for so far (drawn, cut or missing). */
  get embedsAskedFor(): number {
    return this.embedsAsked;
  }

  /** `path`'s note from `text` (the editor's live text, or the index's). */
  note(path: string, text: string, options: { sourceLines?: boolean; headingPrefix?: string } = {}): string {
    if (text.length > MAX_RENDER_CHARS) return `<p class="render-refused">${escapeAttr(tooLongToRender(path, text.length))}</p>\n`;
    if (this.memo && !options.sourceLines) {
      const drawn = this.memo.draw(path, text, options.headingPrefix ?? 'mg-h-', this.counter);
      if (drawn !== undefined) return drawn;
    }
    const env = this.env(path, [path], options);
    const tokens = this.md.parse(text, env);
    // Every key the note cites is registered before the first is drawn (numbers, 2017a/2017b).
    this.citations?.expect(citationKeysOf(tokens));
    return this.md.renderer.render(tokens, this.md.options, env);
  }

  /** `markdown` read as written in `path`, on this page, with no memo (what a memo draws). */
  markdown(path: string, markdown: string, headingPrefix: string): string {
    return this.md.render(markdown, this.env(path, [path], { headingPrefix }));
  }

  /** The linking notes of `path`, each with its paragraph; '' when none. */
  backlinks(path: string): string {
    return backlinksSection(shownBacklinks(this.texts, path), this.texts, {
      title: source => this.index.note(source)?.title ?? source,
      href: source => this.href(source),
      render: (source, markdown) => this.memo?.draw(source, markdown, 'mg-bl-', this.counter) ?? this.markdown(source, markdown, 'mg-bl-'),
    }, this.index.note(path)?.title ?? path);
  }

  /** What a markdown-it render of `path` needs to resolve links and draw embeds the way this page does. */
  envFor(path: string): RenderEnv {
    return this.env(path, [path], {});
  }

  private env(path: string, stack: readonly string[], options: { sourceLines?: boolean; headingPrefix?: string }): RenderEnv & { citations?: CitationContext } {
    return {
      citations: this.citations,
      resolveLink: (target, fragment) => this.resolve(path, target, fragment),
      renderEmbed: meta => this.embed(path, stack, meta),
      sidenotes: this.counter,
      sourceLines: options.sourceLines ?? false,
      headingPrefix: options.headingPrefix ?? 'mg-h-',
    };
  }

  /** The host's address of a vault path, through the one gate (a file named `javascript:x.md` stays a path). */
  href(path: string, fragment?: string): string {
    return safeHref(this.host.noteHref(/^[^/]*:/.test(path) ? `./${path}` : path, fragment));
  }

  /** A page links the same targets over and over: each is resolved once per page. */
  private readonly resolved = new Map<string, ResolvedHref>();

  private resolve(from: string, target: string, fragment?: string): ResolvedHref {
    const key = `${from}\u0000${target}\u0000${fragment ?? '\u0001'}`;
    let found = this.resolved.get(key);
    if (!found) {
      found = this.resolveOnce(from, target, fragment);
      this.resolved.set(key, found);
    }
    return found;
  }

  private resolveOnce(from: string, target: string, fragment?: string): ResolvedHref {
    if (target === '') return { href: fragment === undefined ? '#' : this.href(from, fragment), exists: true };
    const r = this.index.resolve(target, from);
    switch (r.kind) {
      case 'note':
        return { href: this.href(r.path, fragment), exists: true, ...(r.ambiguous ? { ambiguous: true } : {}) };
      case 'self':
        return { href: this.href(r.path, fragment), exists: true };
      case 'attachment':
        return { href: this.href(r.path), src: safeHref(this.host.imageSrc(r.path), '', { image: true }), exists: true };
      case 'placeholder':
        return { href: this.href(`${r.name}${r.attachment ? '' : '.md'}`), exists: false };
    }
  }

  private embed(from: string, stack: readonly string[], meta: WikiLinkMeta): string | undefined {
    this.embedsAsked++;
    const esc = this.md.utils.escapeHtml;
    const resolved = this.resolve(from, meta.target, meta.block !== undefined ? `^${meta.block}` : meta.heading);
    const r = meta.target === '' ? { kind: 'self' as const, path: from } : this.index.resolve(meta.target, from);
    const label = esc(meta.inner.trim());
    if (r.kind === 'placeholder') {
      return `<div class="embed missing" data-target="${esc(meta.target)}"><a class="wikilink missing" href="${esc(resolved.href)}" ` +
        `title="Not written yet: ${label}">${label}</a> <span class="embed-note">not written yet</span></div>`;
    }
    if (r.kind === 'attachment') {
      return `<div class="embed embed-file"><a class="wikilink" href="${esc(resolved.href)}">${label}</a></div>`;
    }
    const path = r.path;
    // The author's label, else the note's title and heading: never the link's source (`a#^id|b`).
    const shown = esc(meta.label?.trim() || (this.index.note(path)?.title ?? path) + (meta.heading ? ` › ${meta.heading}` : ''));
    const header = (extra: string) => `<div class="embed-header"><a class="wikilink" href="${esc(resolved.href)}">${shown}</a>${extra}</div>`;
    if (stack.includes(path) && (stack.length > 1 || meta.heading === undefined && meta.block === undefined)) {
      return `<div class="embed embed-cycle" data-path="${esc(path)}">${header(' <span class="embed-note">↻ embeds itself: cut here</span>')}</div>`;
    }
    if (stack.length > MAX_EMBED_DEPTH) {
      return `<div class="embed embed-too-deep" data-path="${esc(path)}">${header(' <span class="embed-note">nested too deep to show</span>')}</div>`;
    }
    if (this.embeds >= MAX_EMBEDS_PER_PAGE || this.embeddedChars >= MAX_EMBEDDED_CHARS) {
      return `<div class="embed embed-over-budget" data-path="${esc(path)}">${header(` <span class="embed-note">not drawn: this page already shows ${this.embeds} embeds</span>`)}</div>`;
    }
    const text = this.texts.text(path);
    if (text === undefined) {
      return `<div class="embed missing" data-path="${esc(path)}">${header(' <span class="embed-note">not read: open the note to see it</span>')}</div>`;
    }
    const source = embedSource(text, this.index.note(path)?.syntax, meta);
    if (source === undefined) {
      const what = meta.block !== undefined ? `no block ^${esc(meta.block)}` : `no heading “${esc(meta.heading ?? '')}”`;
      return `<div class="embed missing" data-path="${esc(path)}">${header(` <span class="embed-note">${what} in this note</span>`)}</div>`;
    }
    if (source.length > MAX_RENDER_CHARS) {
      return `<div class="embed missing" data-path="${esc(path)}">${header(` <span class="embed-note">${esc(tooLongToRender(path, source.length))}</span>`)}</div>`;
    }
    const n = ++this.embeds;
    const body = this.md.render(source, this.env(path, [...stack, path], { headingPrefix: `mg-e${n}-h-` }));
    this.embeddedChars += body.length;
    return `<div class="embed" data-path="${esc(path)}">${header('')}<div class="embed-body">${body}</div></div>`;
  }
}

/** A note with its Backlinks section, as the preview panel shows it. */
export function renderNotePage(index: NoteQueries, host: PageHost, path: string, text: string, options: PageOptions = {}): RenderedPage {
  const renderer = new PageRenderer(index, host, 'mg-', options.citations, options.texts);
  const body = renderer.note(path, text, { sourceLines: true }) + referencesSection(renderer.citations);
  const backlinks = options.backlinks === false ? '' : renderer.backlinks(path);
  const title = index.note(path)?.title ?? path.replace(/^.*\//, '').replace(/\.md$/i, '');
  const html = `<article class="note" data-path="${escapeAttr(path)}">\n${body}${backlinks}</article>\n`;
  return { title, html, sidenotes: renderer.sidenoteCount };
}
