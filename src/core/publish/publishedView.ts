// The index as a published site sees it: notes left out (selection.ts) do not exist. A link
// to one resolves as to a note not written yet, named only by what the linking note wrote;
// they quote no paragraph in a Backlinks section, carry no tag, are embedded nowhere. Handing
// the page renderer this view, not the index, is what keeps a left-out note's title and text
// out of every page.
import type {
  Backlink, BrokenLink, CompletionCandidate, FrontmatterProblem, IndexStats, LinkEnd, NoteInfo, NoteQueries,
  Placeholder, Resolution, ResolvedLink, TagNode, TagOccurrence, UnlinkedMention,
} from '../index/types';

/** The placeholder name a link to a left-out note gets: the site turns it into plain text. */
export const UNPUBLISHED = '\u0000unpublished';

export class PublishedView implements NoteQueries {
  constructor(private readonly index: NoteQueries, private readonly published: ReadonlySet<string>) {}

  private shown(path: string): boolean {
    return this.published.has(path) || !/\.md$/i.test(path);
  }

  /**
   * A site renders each link on its note's page and again wherever a Backlinks section quotes its
   * paragraph: resolved once (the view lives for one build or one update, while the index stands still).
   */
  private readonly resolved = new Map<string, Resolution>();

  resolve(target: string, fromPath: string): Resolution {
    const key = `${fromPath}\u0000${target}`;
    let r = this.resolved.get(key);
    if (!r) {
      r = this.shownResolution(this.index.resolve(target, fromPath));
      this.resolved.set(key, r);
    }
    return r;
  }

  /** `r` as the site sees it: a left-out note is not there. */
  private shownResolution(r: Resolution): Resolution {
    if ((r.kind === 'note' || r.kind === 'self') && !this.published.has(r.path)) return { kind: 'placeholder', name: UNPUBLISHED, attachment: false };
    if (r.kind === 'note' && r.ambiguous) {
      const visible = r.ambiguous.filter(p => this.published.has(p));
      return visible.length > 1 ? { ...r, ambiguous: visible } : { kind: 'note', path: r.path, via: r.via };
    }
    return r;
  }

  backlinks(target: string | { placeholder: string }): Backlink[] {
    return this.index.backlinks(target).filter(b => this.published.has(b.source));
  }

  async loadBacklinks(target: string | { placeholder: string }): Promise<Backlink[]> {
    return (await this.index.loadBacklinks(target)).filter(b => this.published.has(b.source));
  }

  forwardLinks(path: string): readonly ResolvedLink[] {
    if (!this.published.has(path)) return [];
    return this.index.forwardLinks(path).map(l => ({ ...l, resolution: this.shownResolution(l.resolution) }))
      .filter(l => l.resolution.kind !== 'placeholder' || l.resolution.name !== UNPUBLISHED);
  }

  linkEnds(path: string): readonly LinkEnd[] {
    return this.forwardLinks(path).map(l => ({ kind: l.link.kind, property: l.link.property, resolution: l.resolution }));
  }

  /** Links from published notes only. */
  linkCountTo(path: string): number {
    return this.published.has(path) ? this.backlinks(path).length : 0;
  }

  notesWithTag(tag: string, options?: { nested?: boolean }): TagOccurrence[] {
    return this.index.notesWithTag(tag, options).filter(o => this.published.has(o.path));
  }

  note(path: string): NoteInfo | undefined {
    return this.shown(path) ? this.index.note(path) : undefined;
  }

  *notes(): Iterable<NoteInfo> {
    for (const n of this.index.notes()) if (this.published.has(n.path)) yield n;
  }

  textOf(path: string): string | undefined {
    return this.shown(path) ? this.index.textOf(path) : undefined;
  }

  async readText(path: string): Promise<string | undefined> {
    return this.shown(path) ? this.index.readText(path) : undefined;
  }

  readTexts(paths: Iterable<string>): Promise<Map<string, string>> {
    return this.index.readTexts([...paths].filter(p => this.shown(p)));
  }

  has(path: string): boolean {
    return this.shown(path) && this.index.has(path);
  }

  attachments(): Iterable<string> { return this.index.attachments(); }
  indexedFrom(path: string, text: string): boolean { return this.shown(path) && this.index.indexedFrom(path, text); }
  tagTree(): TagNode[] { return this.index.tagTree(); }
  /** None: a placeholder's display text is the first casing seen, maybe in a note left out. */
  placeholders(): Placeholder[] { return []; }
  orphans(): string[] { return this.index.orphans().filter(p => this.published.has(p)); }
  ambiguousLinks(): ResolvedLink[] { return this.index.ambiguousLinks().filter(l => this.published.has(l.source)); }
  brokenLinks(): BrokenLink[] { return this.index.brokenLinks().filter(l => this.published.has(l.source)); }
  brokenLinksIn(path: string): BrokenLink[] { return this.index.brokenLinksIn(path); }
  frontmatterProblems(): FrontmatterProblem[] { return this.index.frontmatterProblems(); }
  completionCandidates(fromPath: string): CompletionCandidate[] { return this.index.completionCandidates(fromPath); }
  unlinkedMentions(path: string, sources?: Iterable<string>): UnlinkedMention[] { return this.index.unlinkedMentions(path, sources); }
  loadUnlinkedMentions(path: string, sources?: Iterable<string>): Promise<UnlinkedMention[]> { return this.index.loadUnlinkedMentions(path, sources); }
  stats(): IndexStats { return this.index.stats(); }

  // A site never edits the vault.
  upsert(): void { throw new Error('PublishedView is read-only'); }
  addAttachment(): void { throw new Error('PublishedView is read-only'); }
  remove(): void { throw new Error('PublishedView is read-only'); }
  rename(): void { throw new Error('PublishedView is read-only'); }
}
