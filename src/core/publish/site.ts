// `marginalia publish`: the vault as a static site (docs/publish.md). One page per published
// note through the preview's pipeline (PageRenderer), tag pages, the tag index, the home page,
// the search index, the graph's data, and with a base URL a feed and a sitemap. Pure: it reads
// through the index and SiteSource, and writes through SiteOutput, so the CLI and VS Code
// share it and a test can publish into memory.
import type { CitationStyle } from '../citations/format';
import type { CslItem } from '../citations/types';
import { buildGraphData, type GraphData } from '../graph/graphData';
import type { NoteQueries, ResolvedLink } from '../index/types';
import { escapeAttr } from '../render/escape';
import { referencesSection } from '../render/citationRender';
import { PageRenderer, type PageCitations, type PageHost } from '../render/page';
import { renderTagPage } from '../render/tagPage';
import { githubSlug } from '../syntax/slug';
import { DrawnOnce } from './drawnOnce';
import { atomFeed, sitemap } from './feed';
import { pageShell } from './layout';
import { SITE_MARKER } from './marker';
import { finishLinks, MISSING_HREF, UNPUBLISHED_HREF } from './links';
import { folderListing, graphPage, searchPage, tagIndexPage, tagListing } from './listPages';
import { UNPUBLISHED, PublishedView } from './publishedView';
import { SearchIndex, type SearchPage } from './search';
import { noteDates, publishedNotes, type SelectionOptions } from './selection';
import { attachmentFile, noteUrls, relativeHref, tagUrl } from './urls';

export interface SiteOutput {
  /** `path` is relative to the site's folder, `/`-separated. */
  write(path: string, data: string | Uint8Array): void | Promise<void>;
  /** A file an earlier build wrote that the site no longer has (a note withdrawn, a tag gone). */
  remove?(path: string): void | Promise<void>;
  /** Resolves once every write so far is on disk (an output that writes in the background). */
  flush?(): Promise<void>;
}

export type { SearchPage };

/** Keeps the site's search index (src/core/publish/search.ts) elsewhere (the CLI: a worker thread), while the pages render. */
export interface SearchIndexer {
  add(page: SearchPage): void;
  remove(id: string): void;
  /** The search files changed since the last call (every one the first time), each with its JSON. */
  take(): Promise<[string, string][]>;
  /** Let it go (a cancelled publish, a new build). */
  close(): void;
}

/** The index in this thread. */
function localIndexer(): SearchIndexer {
  const index = new SearchIndex();
  return {
    add: page => index.addPage(page),
    remove: id => index.remove(id),
    take: async () => index.takeChanged(),
    close: () => undefined,
  };
}

export interface SiteSource {
  readonly index: NoteQueries;
  /** An attachment's bytes; undefined when it cannot be read (it is named and skipped). */
  readAttachment(path: string): Uint8Array | undefined | Promise<Uint8Array | undefined>;
  /** A note's last modification (ms since the epoch), for dates where its frontmatter has none. */
  modified?(path: string): number | undefined;
  /** The site's own files (css, js, KaTeX): written under `assets/` as given. */
  readonly assets: ReadonlyMap<string, string | Uint8Array>;
}

/**
 * Where the site's citations come from, drawn as `marginalia render` draws them: formatted, the
 * reference in the margin, a References section. Only pages that draw a citation ask it: a vault
 * that cites nothing is published as without it.
 */
export interface SiteCitations {
  readonly style: CitationStyle;
  /** The full reference as a sidenote beside each citation. */
  readonly margin: boolean;
  /** Reads the libraries the pages of notes `paths` cite from (their `bibliography:` files); awaited before those pages are drawn. */
  read(paths: readonly string[]): Promise<void>;
  /** The library the page of note `path` cites from, once read; a tag page's (undefined): the vault's. */
  lookup(path: string | undefined): { item(key: string): CslItem | undefined };
}

export interface PublishOptions extends SelectionOptions {
  /** The site's name in every header (default: the vault folder's name, given by the caller). */
  readonly title?: string;
  /** `https://me.github.io/notes/`: with it, a feed and a sitemap are written. */
  readonly baseUrl?: string;
  readonly backlinks?: boolean;
  isCancelled?(): boolean;
  onProgress?(done: number, total: number): void;
  /** Awaited every few pages: an editor's host gives its event loop a turn there. */
  pause?(): Promise<void>;
  /** Told about a file it could not use (an unreadable attachment). */
  warn?(message: string): void;
  /** The search index kept elsewhere (a worker thread); by default, in this thread. */
  searchIndexer?(): SearchIndexer | undefined;
  /** Citations formatted from a library; without, they stay as written. */
  readonly citations?: SiteCitations;
}

export interface PublishResult {
  readonly notes: number;
  readonly tags: number;
  readonly attachments: number;
  /** Every file written, relative to the site's folder. */
  readonly files: string[];
  readonly cancelled: boolean;
}

export { SITE_MARKER };

/** Notes a tag page shows in full, as the seed page does; a bigger tag lists its notes. */
export const TAG_PAGE_FULL_NOTES = 12;

const HOME_NAMES = ['index.md', 'readme.md'];

interface NoteRecord {
  readonly path: string;
  readonly title: string;
  readonly url: string;
  readonly tags: string[];
  readonly date?: number;
}

export class SiteBuilder {
  private published!: Set<string>;
  private view!: PublishedView;
  private urls!: Map<string, string>;
  private home: string | undefined;
  /** What pages share (a note's body, a quoted paragraph), drawn once per build or update. */
  private drawn!: DrawnOnce;
  private search: SearchIndexer = localIndexer();
  private records = new Map<string, NoteRecord>();
  /** The attachments each page links or embeds (page file -> vault paths): the site copies their union. */
  private readonly copiesOf = new Map<string, Set<string>>();
  /** Each note's part of the graph (its title and links), to tell whether a change moves the graph. */
  private readonly graphParts = new Map<string, string>();
  private graphChanged = true;
  private readonly siteTitle: string;
  /** With a library: the published notes that cite something, and the notes they link. */
  private readonly citing = new Set<string>();
  private readonly quotingCitation = new Set<string>();

  constructor(private readonly source: SiteSource, private readonly options: PublishOptions = {}) {
    this.siteTitle = options.title?.trim() || 'Notes';
  }

  /** Decide what is published and where; call again after the vault changed. */
  private plan(full = false): void {
    this.published = publishedNotes(this.source.index, this.options);
    this.view = new PublishedView(this.source.index, this.published);
    this.urls = noteUrls(this.published);
    this.home = [...this.published].find(p => HOME_NAMES.includes(p.toLowerCase()));
    if (this.home) this.urls.set(this.home, '');
    // An update draws a few pages: a note's body is kept for its tag page only in a full build.
    const onTagPages = full ? this.notesOnFullTagPages() : new Set<string>();
    this.drawn = new DrawnOnce(this.view, (href, copies) => this.hostWith(href, copies), path => onTagPages.has(path));
  }

  /** The notes some tag page shows in full (a tag of at most TAG_PAGE_FULL_NOTES notes, nested tags counted in their parents). */
  private notesOnFullTagPages(): Set<string> {
    const byTag = new Map<string, Set<string>>();
    for (const path of this.published) {
      for (const t of this.source.index.note(path)?.syntax.tags ?? []) {
        const segments = t.name.toLowerCase().split('/');
        for (let i = 1; i <= segments.length; i++) {
          const name = segments.slice(0, i).join('/');
          let notes = byTag.get(name);
          if (!notes) byTag.set(name, notes = new Set());
          notes.add(path);
        }
      }
    }
    const shown = new Set<string>();
    for (const notes of byTag.values()) if (notes.size <= TAG_PAGE_FULL_NOTES) for (const p of notes) shown.add(p);
    return shown;
  }

  /** Every attachment a page of the site links or embeds, sorted. */
  private copied(): string[] {
    const all = new Set<string>();
    for (const set of this.copiesOf.values()) for (const p of set) all.add(p);
    return [...all].sort();
  }

  async build(output: SiteOutput): Promise<PublishResult> {
    this.plan(true);
    this.findCiting();
    const files: string[] = [];
    const write = async (path: string, data: string | Uint8Array) => {
      await output.write(path, data);
      files.push(path);
    };
    for (const [name, data] of this.source.assets) await write(`assets/${name}`, data);
    // Built again (a change moved URLs): what left the site leaves its lists.
    for (const path of [...this.records.keys()]) if (!this.published.has(path)) this.records.delete(path);
    this.copiesOf.clear();
    this.graphParts.clear();
    this.search.close();
    this.search = this.options.searchIndexer?.() ?? localIndexer();
    const paths = [...this.published].sort();
    let done = 0;
    let cancelled = false;
    try {
      await this.options.citations?.read(paths.filter(p => this.drawsCitations(p)));
      for (const path of paths) {
        if (this.options.isCancelled?.()) {
          cancelled = true;
          break;
        }
        await write(this.pageFile(this.urls.get(path)!), this.notePage(path));
        if (++done % 200 === 0) this.options.onProgress?.(done, paths.length);
        if (done % 25 === 0) await this.options.pause?.();
      }
      if (!cancelled) {
        for (const [file, html] of this.listPages()) await write(file, html);
        for (const path of this.copied()) {
          const bytes = await this.source.readAttachment(path);
          if (bytes) await write(attachmentFile(path), bytes);
          else this.options.warn?.(`${path}: could not be read; the site links it but does not hold it`);
        }
        for (const [file, json] of await this.search.take()) await write(file, json);
        await write('graph.json', JSON.stringify(this.graphData()));
        this.graphChanged = false;
        for (const [file, xml] of this.feeds()) await write(file, xml);
        this.options.onProgress?.(paths.length, paths.length);
      }
    } catch (e) {
      this.search.close();
      this.search = localIndexer();
      throw e;
    }
    if (cancelled) {
      this.search.close();
      this.search = localIndexer();
    }
    if (!cancelled) {
      // Built again: what an earlier build wrote and this one did not (a page whose URL moved) goes.
      const now = new Set(files);
      for (const f of [...this.files]) {
        if (now.has(f)) continue;
        await output.remove?.(f);
        this.files.delete(f);
      }
    }
    // Cancelled too: the folder is still publish's, so the next publish may clear it.
    for (const f of files) this.files.add(f);
    await output.flush?.();
    await this.writeMarker(output);
    await output.flush?.();
    return { notes: done, tags: this.tagNames().length, attachments: this.copied().length, files, cancelled };
  }

  /**
   * After `changed` notes were edited, created or deleted (the index already updated): the pages
   * whose content they feed, written again (then writeIndexes); the pages of notes that left the
   * site, of tags no note carries now, and attachments no page links, removed. Returns the files
   * written, or undefined when the change moved URLs (a note created or deleted that slugs like
   * another): then build() again.
   */
  async update(changed: readonly string[], before: ReadonlyMap<string, readonly string[]>, output: SiteOutput): Promise<string[] | undefined> {
    const oldUrls = this.urls;
    const oldPublished = this.published;
    const oldTitles = new Map(changed.map(p => [p, this.records.get(p)?.title]));
    this.plan();
    for (const [path, url] of oldUrls) if (this.urls.has(path) && this.urls.get(path) !== url) return undefined;
    this.findCiting(changed);
    const pages = new Set<string>();
    const tagsTouched = new Set<string>();
    const gone: string[] = [];
    for (const path of changed) {
      for (const p of before.get(path) ?? []) pages.add(p);
      if (this.published.has(path)) pages.add(path);
      for (const p of this.dependents(path)) pages.add(p);
      for (const t of this.records.get(path)?.tags ?? []) tagsTouched.add(t);
      if (!this.published.has(path)) {
        this.records.delete(path);
        this.search.remove(path);
        this.graphParts.delete(path);
        if (oldUrls.has(path)) gone.push(this.pageFile(oldUrls.get(path)!));
      }
      const title = this.published.has(path) ? this.view.note(path)?.title : undefined;
      if (oldPublished.has(path) !== this.published.has(path) || title !== oldTitles.get(path)) {
        // Published, withdrawn or retitled: every page that links it reads differently, and so
        // does every page whose Backlinks quote a paragraph that links it; and the graph.
        if (oldPublished.has(path) !== this.published.has(path)) this.graphChanged = true;
        const sources = new Set([...this.source.index.backlinks(path).map(b => b.source), ...(before.get(path) ?? [])]);
        for (const s of sources) {
          pages.add(s);
          for (const l of this.source.index.forwardLinks(s)) if (l.resolution.kind === 'note') pages.add(l.resolution.path);
        }
      }
    }
    const files: string[] = [];
    const write = async (file: string, data: string | Uint8Array) => {
      await output.write(file, data);
      files.push(file);
    };
    await this.options.citations?.read([...pages].filter(p => this.published.has(p) && this.drawsCitations(p)));
    // The tag pages of every page drawn again, where they show their notes in full; the changed notes' own, always.
    const tagsIfFull = new Set<string>();
    for (const path of pages) {
      if (!this.published.has(path)) continue;
      await write(this.pageFile(this.urls.get(path)!), this.notePage(path));
      for (const t of this.records.get(path)?.tags ?? []) tagsIfFull.add(t);
    }
    for (const path of changed) for (const t of this.records.get(path)?.tags ?? []) tagsTouched.add(t);
    for (const [file, html] of this.listPages(tagsTouched, tagsIfFull)) await write(file, html);
    // What the site no longer holds: pages of notes withdrawn, of tags gone, attachments no page links.
    const tagPages = new Set(this.tagNames().map(t => `${tagUrl(t)}index.html`));
    for (const f of this.files) if (f.startsWith('tags/') && f !== 'tags/index.html' && !tagPages.has(f)) gone.push(f);
    for (const f of gone) this.copiesOf.delete(f);
    const copied = this.copied();
    const attachments = new Set(copied.map(attachmentFile));
    for (const f of this.files) if (f.startsWith('files/') && !attachments.has(f)) gone.push(f);
    const written = new Set(files);
    for (const f of gone) {
      if (written.has(f) || !this.files.has(f)) continue;
      await output.remove?.(f);
      this.files.delete(f);
    }
    for (const path of copied) {
      if (this.files.has(attachmentFile(path))) continue;
      const bytes = await this.source.readAttachment(path);
      if (bytes) await write(attachmentFile(path), bytes);
    }
    for (const f of files) this.files.add(f);
    return files;
  }

  /** After update(): the search files and graph data the change touched, and the marker (written last: the pages come first). */
  async writeIndexes(output: SiteOutput): Promise<string[]> {
    const files: string[] = [];
    for (const [file, json] of await this.search.take()) {
      await output.write(file, json);
      files.push(file);
    }
    if (this.graphChanged) {
      await output.write('graph.json', JSON.stringify(this.graphData()));
      files.push('graph.json');
      this.graphChanged = false;
    }
    for (const [file, xml] of this.feeds()) {
      await output.write(file, xml);
      files.push(file);
    }
    for (const f of files) this.files.add(f);
    await output.flush?.();
    await this.writeMarker(output);
    await output.flush?.();
    return [...files, SITE_MARKER];
  }

  /** With a base URL, the feed and the sitemap (they list every note and tag: each change may touch them). */
  private feeds(): [string, string][] {
    if (!this.options.baseUrl) return [];
    const notes = [...this.records.values()];
    return [
      ['feed.xml', atomFeed(this.siteTitle, this.options.baseUrl, notes)],
      ['sitemap.xml', sitemap(this.options.baseUrl, ['', 'notes/', 'tags/', ...notes.map(n => n.url), ...this.tagNames().map(tagUrl)])],
    ];
  }

  /** The notes whose pages show something of `path`: what it links (their Backlinks quote it) and what links or embeds it. */
  dependents(path: string): Set<string> {
    const pages = new Set<string>();
    for (const l of this.source.index.forwardLinks(path)) if (l.resolution.kind === 'note') pages.add(l.resolution.path);
    let level = [path];
    for (let depth = 0; depth < 4 && level.length; depth++) {
      const next: string[] = [];
      for (const p of level) {
        for (const b of this.source.index.backlinks(p)) {
          if (pages.has(b.source)) continue;
          pages.add(b.source);
          if (b.link.kind === 'embed') next.push(b.source);
        }
      }
      level = next;
    }
    pages.delete(path);
    return pages;
  }

  /** Every file the site holds, so the next publish into the folder can clear exactly those. */
  private readonly files = new Set<string>();

  private async writeMarker(output: SiteOutput): Promise<void> {
    await output.write(SITE_MARKER, JSON.stringify({ generator: 'marginalia', notes: this.published.size, files: [...this.files].sort() }, null, 1));
  }

  private pageFile(url: string): string {
    return `${url}index.html`;
  }

  private rootOf(url: string): string {
    return '../'.repeat(url.split('/').length - 1);
  }

  /** How the page at `pageUrl` addresses notes and files; the attachments it links are added to `copies`. */
  private pageHost(pageUrl: string, copies: Set<string>): PageHost {
    return this.hostWith(to => relativeHref(pageUrl, to), copies);
  }

  /** The same, with `href` writing the address of a path from the site's root. */
  private hostWith(href: (to: string) => string, copies: Set<string>): PageHost {
    return {
      noteHref: (p, fragment) => {
        const path = p.startsWith('./') ? p.slice(2) : p;
        const url = this.urls.get(path);
        if (url !== undefined) {
          const frag = fragment === undefined || fragment.startsWith('^') ? '' : `#mg-h-${githubSlug(fragment.slice(fragment.lastIndexOf('#') + 1).trim())}`;
          return href(url) + frag;
        }
        if (path === `${UNPUBLISHED}.md`) return UNPUBLISHED_HREF;
        if (!/\.md$/i.test(path) && this.source.index.has(path)) {
          copies.add(path);
          return href(attachmentFile(path));
        }
        return MISSING_HREF;
      },
      imageSrc: path => {
        copies.add(path);
        return href(attachmentFile(path));
      },
    };
  }

  /** Remember the attachments the page in `file` links (none: forget it). */
  private copiedBy(file: string, copies: Set<string>): void {
    if (copies.size) this.copiesOf.set(file, copies);
    else this.copiesOf.delete(file);
  }

  private indexPage(page: SearchPage): void {
    this.search.add(page);
  }

  /** The page of a published note: title, tags, the note as the preview draws it, its outgoing links and Backlinks. */
  notePage(path: string): string {
    const url = this.urls.get(path)!;
    const root = this.rootOf(url);
    const copies = new Set<string>();
    const host = this.pageHost(url, copies);
    const citations = this.pageCitations(path, [path]);
    const renderer = new PageRenderer(this.view, host, 'mg-', citations, undefined, this.drawn.forPage(root, copies));
    const info = this.view.note(path)!;
    const text = this.view.textOf(path) ?? '';
    const body = renderer.note(path, text) + referencesSection(renderer.citations);
    const backlinks = this.options.backlinks === false ? '' : renderer.backlinks(path);
    const syntax = info.syntax;
    const tags = uniqueTags(syntax.tags.map(t => t.name));
    const dates = noteDates(text);
    const date = dates.updated ?? this.source.modified?.(path);
    this.records.set(path, { path, title: info.title, url, tags, ...(date !== undefined ? { date } : {}) });
    this.indexPage({ id: path, url, title: info.title, tags, html: body });
    const links = this.view.forwardLinks(path);
    const part = JSON.stringify([info.title, links.map(l => [l.link.kind, l.link.property, l.resolution])]);
    if (this.graphParts.get(path) !== part) {
      this.graphParts.set(path, part);
      this.graphChanged = true;
    }
    // Tags written in the text show there already: the header lists those of the frontmatter.
    const listed = uniqueTags(syntax.tags.filter(t => t.source === 'frontmatter').map(t => t.name));
    const day = date === undefined ? '' : new Date(date).toISOString().slice(0, 10);
    const meta = `<div class="note-meta"><p class="note-info"><span class="note-folder">${escapeAttr(folderName(path))}</span>` +
      (day ? ` <time datetime="${day}">${day}</time>` : '') + '</p>' +
      (listed.length ? `\n<ul class="note-tags">${listed.map(t => `<li><a class="tag" data-tag="${escapeAttr(t)}">#${escapeAttr(t)}</a></li>`).join('')}</ul>` : '') +
      '</div>\n';
    // Under the title: the note's own first heading when it opens with one, else its title.
    const opening = /^<h1[\s>][\s\S]*?<\/h1>\n?/.exec(body);
    const content = opening ? opening[0] + meta + body.slice(opening[0].length)
      : /<h1[\s>]/.test(body) ? meta + body
      : `<h1 class="note-title">${escapeAttr(info.title)}</h1>\n${meta}${body}`;
    const main = `<article class="note" data-path="${escapeAttr(path)}">\n${content}${this.outgoing(links, host)}${backlinks}</article>\n`;
    this.copiedBy(this.pageFile(url), copies);
    return pageShell({ siteTitle: this.siteTitle, root, title: info.title, main: finishLinks(main, root), kind: 'page-note', feed: !!this.options.baseUrl, canonical: this.canonical(url) });
  }

  /** How a page showing the notes `shown` draws citations: undefined when none of them draws one (the page is drawn as before, from the memo). */
  private pageCitations(path: string | undefined, shown: readonly string[]): PageCitations | undefined {
    const citations = this.options.citations;
    if (!citations || !shown.some(p => this.drawsCitations(p))) return undefined;
    const lookup = citations.lookup(path);
    return { style: citations.style, margin: citations.margin, item: key => lookup.item(key) };
  }

  /** Whether the published note `path` cites something (a text without `@` cites nothing: its syntax is not unpacked). */
  private cites(path: string): boolean {
    return !!this.view.textOf(path)?.includes('@') && !!this.view.note(path)?.syntax.citations?.length;
  }

  /** The published notes that cite, and the notes they link (whose Backlinks may quote a citation); all of them, or those of `changed` again. */
  private findCiting(changed?: readonly string[]): void {
    if (!this.options.citations) return;
    if (changed) for (const p of changed) this.citing.delete(p);
    for (const p of changed ?? this.published) if (this.published.has(p) && this.cites(p)) this.citing.add(p);
    this.quotingCitation.clear();
    for (const p of this.citing) {
      if (!this.published.has(p)) this.citing.delete(p);
      else for (const l of this.view.forwardLinks(p)) if (l.resolution.kind === 'note') this.quotingCitation.add(l.resolution.path);
    }
  }

  /** Whether a note, as a page shows it, draws a citation: in its text, a note it embeds (nested), or a paragraph its Backlinks quote. */
  private drawsCitations(path: string): boolean {
    if (this.citing.size === 0) return false;
    const cites = (p: string) => this.citing.has(p);
    if (cites(path)) return true;
    if (this.options.backlinks !== false && this.quotingCitation.has(path)) return true;
    const seen = new Set([path]);
    let level = [path];
    // Embeds are drawn nested to depth 3 (src/core/render/page.ts).
    for (let depth = 0; depth < 3 && level.length; depth++) {
      const next: string[] = [];
      for (const p of level) {
        for (const l of this.view.forwardLinks(p)) {
          if (l.link.kind !== 'embed' || l.resolution.kind !== 'note' || seen.has(l.resolution.path)) continue;
          if (cites(l.resolution.path)) return true;
          seen.add(l.resolution.path);
          next.push(l.resolution.path);
        }
      }
      level = next;
    }
    return false;
  }

  private canonical(url: string): string | undefined {
    return this.options.baseUrl ? new URL(url.split('/').map(encodeURIComponent).join('/'), withSlash(this.options.baseUrl)).href : undefined;
  }

  /** Each note, attachment or note not written yet this note links to, once, in order of first link. */
  private outgoing(links: readonly ResolvedLink[], host: PageHost): string {
    const items = new Map<string, string>();
    for (const l of links) {
      const r = l.resolution;
      if (r.kind === 'self') continue;
      if (r.kind === 'note') {
        if (!items.has(r.path)) items.set(r.path, `<li><a class="wikilink" href="${escapeAttr(host.noteHref(r.path))}">${escapeAttr(this.view.note(r.path)?.title ?? r.path)}</a></li>`);
      } else if (r.kind === 'attachment') {
        if (!items.has(r.path)) items.set(r.path, `<li><a class="wikilink attachment" href="${escapeAttr(host.noteHref(r.path))}">${escapeAttr(r.path.slice(r.path.lastIndexOf('/') + 1))}</a></li>`);
      } else if (!items.has(`\u0000${r.name}`)) {
        items.set(`\u0000${r.name}`, `<li><span class="wikilink missing" title="Not written yet">${escapeAttr(l.link.target)}</span></li>`);
      }
    }
    if (items.size === 0) return '';
    return `<section class="outgoing" aria-label="Links from this note">\n<h2 class="outgoing-title">Links from this note</h2>\n<ul class="outgoing-list">${[...items.values()].join('')}</ul>\n</section>\n`;
  }

  private tagNames(): string[] {
    const names = new Map<string, string>();
    for (const r of this.records.values()) {
      for (const t of r.tags) {
        const segments = t.split('/');
        for (let i = 1; i <= segments.length; i++) {
          const name = segments.slice(0, i).join('/');
          if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
        }
      }
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }

  /** The home page, the list of notes, the tag index and the tag pages (only `tags` when given). */
  private listPages(only?: ReadonlySet<string>, onlyIfFull: ReadonlySet<string> = new Set()): [string, string][] {
    const pages: [string, string][] = [];
    const records = [...this.records.values()].filter(r => this.published.has(r.path));
    const shell = (url: string, title: string, main: string, kind: string) =>
      pageShell({ siteTitle: this.siteTitle, root: this.rootOf(url), title, main, kind, feed: !!this.options.baseUrl, canonical: this.canonical(url) });
    const listing = (url: string) => folderListing(records, this.rootOf(url));
    pages.push(['notes/index.html', shell('notes/', 'All notes', `<h1>All notes</h1>\n${listing('notes/')}`, 'page-list')]);
    // With a home note (index.md, README.md) its page is the root, written with the notes.
    if (!this.home) pages.push(['index.html', shell('', this.siteTitle, `<h1>${escapeAttr(this.siteTitle)}</h1>\n${listing('')}`, 'page-home')]);
    if (!only) {
      pages.push(['search/index.html', shell('search/', 'Search', searchPage(this.rootOf('search/')), 'page-search')]);
      pages.push(['graph/index.html', shell('graph/', 'Graph', graphPage(this.rootOf('graph/')), 'page-graph')]);
    }
    const names = this.tagNames();
    pages.push(['tags/index.html', shell('tags/', 'Tags', tagIndexPage(names, records, this.rootOf('tags/')), 'page-tags')]);
    const withParents = (tags: ReadonlySet<string>) => new Set([...tags].flatMap(t => t.split('/').map((_, i, s) => s.slice(0, i + 1).join('/').toLowerCase())));
    const touched = only && withParents(only);
    const touchedIfFull = withParents(onlyIfFull);
    for (const name of names) {
      const key = name.toLowerCase();
      if (touched && !touched.has(key) && !touchedIfFull.has(key)) continue;
      const url = tagUrl(name);
      const root = this.rootOf(url);
      const notes = this.view.notesWithTag(name);
      const paths = [...new Set(notes.map(n => n.path))];
      if (touched && !touched.has(key) && paths.length > TAG_PAGE_FULL_NOTES) continue;
      let main: string;
      if (paths.length <= TAG_PAGE_FULL_NOTES) {
        const copies = new Set<string>();
        const citations = this.pageCitations(undefined, paths);
        main = finishLinks(renderTagPage(this.view, this.pageHost(url, copies), name, { backlinks: this.options.backlinks, memo: this.drawn.forPage(root, copies), citations }).html, root);
        this.copiedBy(`${url}index.html`, copies);
      } else {
        this.copiesOf.delete(`${url}index.html`);
        main = tagListing(name, names, paths.map(p => this.records.get(p)).filter((r): r is NoteRecord => r !== undefined), root);
      }
      pages.push([`${url}index.html`, shell(url, `#${name}`, main, 'page-tag')]);
    }
    return pages;
  }

  /**
   * The graph view's data (src/core/graph/graphData.ts, the panel's own function) over the
   * published notes, with each note's page, for the site's graph page.
   */
  graphData(): { graph: GraphData; urls: Record<string, string> } {
    const graph = buildGraphData(this.view, { placeholders: true, orphans: true, groupBy: 'folder' });
    const urls: Record<string, string> = {};
    for (const n of graph.nodes) {
      const url = this.urls.get(n.id);
      if (url !== undefined) urls[n.id] = url;
    }
    return { graph, urls };
  }
}

function uniqueTags(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()];
}

function folderName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Publishes `source` into `output` in one go. */
export function publishSite(source: SiteSource, output: SiteOutput, options: PublishOptions = {}): Promise<PublishResult> {
  return new SiteBuilder(source, options).build(output);
}
