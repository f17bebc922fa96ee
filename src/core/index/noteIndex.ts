// All notes of a vault in memory: resolution, backlinks, tags, placeholders. Every change
// costs work in proportion to the note and to the links whose meaning it changes.
import { linkAt, unpackSyntax, type PackedSyntax } from '../syntax/packed';
import { scanNotePacked } from '../syntax/scanNote';
import type { NoteSyntax } from '../syntax/types';
import { contextText } from './context';
import { detachStrings } from './detachStrings';
import { CompletionList } from './completionList';
import { byShorterTarget } from './completionRank';
import { compareLinks, LinkGraph, linkIdAt, linkIdList, type LinkIds } from './linkGraph';
import { closestNames } from './fragments';
import { findBlock, findHeadingIndex, lastHeadingPart, linkFragment, resolveFragment } from '../syntax/fragment';
import { MentionIndex } from './mentionIndex';
import { linkCountOf } from './restoredSyntax';
import { printOf, textHash, type TextPrint, type TextReader } from './noteTexts';
import { findMentions } from './mentions';
import { comparePaths, fileNameOf, isNotePath, stripMd } from './paths';
import { resolveLink } from './resolve';
import { TagTable } from './tagTable';
import type { TargetTable } from './targetTable';
import type {
  LinkEnd,
  LinkEndReader,
  Backlink,
  BrokenLink,
  FrontmatterProblem,
  CompletionCandidate,
  IndexStats,
  NoteInfo,
  NoteQueries,
  Placeholder,
  Resolution,
  ResolvedLink,
  TagNode,
  TagOccurrence,
  UnlinkedMention,
} from './types';
import { VaultNames, type NoteNames } from './vaultNames';

/** What a note is in the index, beside what follows from it: a cache stores exactly this. */
export interface PackedNote {
  readonly path: string;
  /** The length and hash of the text it was indexed from (a cache stores them, not the text). */
  readonly print: TextPrint;
  readonly packed: PackedSyntax;
}

/** A note as the index keeps it; it is also the NoteInfo that queries hand out. */
class NoteRecord implements NoteInfo {
  constructor(
    readonly path: string,
    readonly title: string,
    readonly names: NoteNames,
    /** The text, while the index keeps texts; else undefined and `print` tells it. */
    public kept: string | undefined,
    public print: TextPrint | undefined,
    readonly packed: PackedSyntax,
    /** Its links' ids in the link graph (LinkGraph), in text order: an array or the first of consecutive ids (`LinkIds`). */
    readonly linkIds: LinkIds,
  ) {}

  get linkCount(): number {
    return typeof this.linkIds === 'number' ? linkCountOf(this.packed) : this.linkIds.length;
  }

  /** Its link ids as an array (made for a query when they are consecutive). */
  get links(): readonly number[] {
    return linkIdList(this.linkIds, this.linkCount);
  }

  /** The text while the index keeps texts; `''` once it reads them back (`NoteIndex.readText`). */
  get text(): string {
    return this.kept ?? '';
  }

  forgetText(): void {
    if (this.kept === undefined) return;
    this.print = printOf(this.kept);
    this.kept = undefined;
  }

  /** Whether `text` is the one this note's ranges were found in. */
  indexedFrom(text: string): boolean {
    if (this.kept !== undefined) return this.kept === text;
    return this.print !== undefined && this.print.length === text.length && this.print.hash === textHash(text);
  }

  get aliases(): readonly string[] {
    return this.names.aliases;
  }

  /** Unpacked on each read (the index keeps ranges packed: see syntax/packed.ts): read it once per use. */
  get syntax(): NoteSyntax {
    return unpackSyntax(this.packed);
  }
}

/** Most notes have no frontmatter title or aliases: they share these. */
const NO_NAMES: NoteNames = Object.freeze({ aliases: Object.freeze([]) as readonly string[] });

function namesOf(syntax: PackedSyntax): NoteNames {
  const fm = syntax.frontmatter;
  if (fm?.title !== undefined) return { title: fm.title, aliases: fm.aliases };
  return fm === undefined || fm.aliases.length === 0 ? NO_NAMES : { aliases: fm.aliases };
}

function sameNames(a: NoteNames, b: NoteNames): boolean {
  return a.title === b.title && a.aliases.length === b.aliases.length && a.aliases.every((x, i) => x === b.aliases[i]);
}

/** How long, and how many, texts read back are kept for the next read (see readNote). */
const RECENT_MS = 1000;
const RECENT_MAX = 1000;

export class NoteIndex implements NoteQueries, LinkEndReader {
  private readonly records = new Map<string, NoteRecord>();
  private readonly attachmentPaths = new Set<string>();
  private readonly names = new VaultNames();
  private readonly graph = new LinkGraph();
  private readonly tags = new TagTable();
  private completion = new CompletionList(this.names);
  private readonly mentionIndex = new MentionIndex();
  private placeholderList: { version: number; list: Placeholder[] } | undefined;
  private waitingCandidates: { version: number; list: CompletionCandidate[] } | undefined;
  private bulk: 'none' | 'empty' | 'nonempty' = 'none';
  /** Set once the index keeps no texts (`readTextsThrough`). */
  private reader: TextReader | undefined;

  /**
   * Starts a bulk load (a cold build): links are resolved once, at `endBulk`, instead of
   * after every note. Queries in between see unresolved links.
   */
  beginBulk(): void {
    this.bulk = this.records.size === 0 && this.attachmentPaths.size === 0 ? 'empty' : 'nonempty';
  }

  endBulk(): void {
    this.endBulkBy(Infinity);
  }

  /**
   * Ends a bulk load if its links can be resolved before `deadline` (a `performance.now()` time);
   * else resolves what it can and returns false: call again (an editor yields in between).
   */
  endBulkBy(deadline: number): boolean {
    if (this.bulk === 'none') return true;
    if (!this.graph.resolvePending(this.names, deadline)) return false;
    // Completion asked for during the load kept entries computed among fewer notes.
    if (this.bulk === 'empty') this.completion = new CompletionList(this.names);
    this.bulk = 'none';
    return true;
  }

  upsert(path: string, text: string): void {
    if (!isNotePath(path)) return this.addAttachment(path);
    const packed = scanNotePacked(text);
    // Kept without its text: what the scanner cut from it must not hold the text (detachStrings.ts).
    if (this.reader) detachStrings(packed);
    this.putNote(path, text, packed);
    this.settle();
  }

  /**
   * Puts back a note as `packedNotes()` gave it (from a cache) without scanning its text: the
   * result answers every query as `upsert(path, text)` would. Given only its print (a cache keeps
   * no texts), the index must read texts back (`readTextsThrough` first).
   */
  restore(path: string, text: string | TextPrint, packed: PackedSyntax, targets?: TargetTable): void {
    if (!isNotePath(path)) return this.addAttachment(path);
    if (typeof text !== 'string' && !this.reader) throw new Error(`restoring ${path} without its text needs an index that reads texts back`);
    this.putNote(path, text, packed, targets);
    this.settle();
  }

  /** Every note as the index keeps it: what a cache must store to `restore` it. */
  *packedNotes(): Iterable<PackedNote> {
    for (const r of this.records.values()) yield { path: r.path, print: r.print ?? printOf(r.kept!), packed: r.packed };
  }

  /** Note paths (`.md`) are ignored here: a note needs its text (`upsert`). */
  addAttachment(path: string): void {
    if (isNotePath(path) || this.attachmentPaths.has(path)) return;
    this.attachmentPaths.add(path);
    this.names.addAttachment(path);
    this.touchNamesOf(path);
    this.settle();
  }

  remove(path: string): void {
    this.drop(path);
    this.settle();
  }

  /** Moves a note or attachment; links that named the old path now resolve anew (their text is the editor's business). */
  rename(from: string, to: string): void {
    if (from === to) return;
    const note = this.records.get(from);
    const attachment = this.attachmentPaths.has(from);
    if (!note && !attachment) return;
    this.drop(from);
    if (isNotePath(to)) {
      // An attachment renamed to `.md` is an empty note until the host sends its text.
      if (note) this.putNote(to, note.kept ?? note.print!, note.packed);
      else this.putNote(to, '', scanNotePacked(''));
    } else {
      this.drop(to);
      this.attachmentPaths.add(to);
      this.names.addAttachment(to);
      this.touchNamesOf(to);
    }
    this.settle();
  }

  /** `text`, or what is known of it when the index keeps no texts (a renamed note's). */
  private putNote(path: string, text: string | TextPrint, syntax: PackedSyntax, targets?: TargetTable): void {
    const old = this.records.get(path);
    const names = namesOf(syntax);
    if (old) {
      this.graph.drop(old.linkIds, old.linkCount);
      if (!sameNames(old.names, names)) {
        this.touch(this.names.removeNote(path));
        this.names.addNote(path, names);
        this.touchNamesOf(path);
      }
    } else {
      this.names.addNote(path, names);
      this.touchNamesOf(path);
      this.completion.forgetNamed(path);
    }
    const title = names.title ?? syntax.title ?? stripMd(fileNameOf(path));
    if (old && (old.title !== title || !sameNames(old.names, names))) this.completion.forget(path);
    const links = this.graph.add(path, syntax, targets);
    const kept = typeof text === 'string' && this.reader === undefined ? text : undefined;
    const print = typeof text !== 'string' ? text : kept === undefined ? printOf(text) : undefined;
    this.records.set(path, new NoteRecord(path, title, names, kept, print, syntax, links));
    this.tags.add(path, syntax);
  }

  private drop(path: string): void {
    const note = this.records.get(path);
    if (note) {
      this.graph.drop(note.linkIds, note.linkCount);
      this.tags.removeNote(path);
      this.touch(this.names.removeNote(path));
      this.records.delete(path);
      this.completion.forgetNamed(path);
    } else if (this.attachmentPaths.delete(path)) {
      this.touch(this.names.removeAttachment(path));
    }
  }

  /** Into an empty index every link is new and queued anyway: no other link to tell. */
  private touch(keys: readonly string[]): void {
    if (this.bulk !== 'empty') this.graph.touch(keys);
  }

  /** A file just filed under its names: links that look any of them up may mean it now. */
  private touchNamesOf(path: string): void {
    if (this.bulk !== 'empty') this.graph.touch(this.names.keysOf(path));
  }

  private settle(): void {
    if (this.bulk === 'none') this.graph.resolvePending(this.names);
  }

  has(path: string): boolean {
    return this.records.has(path) || this.attachmentPaths.has(path);
  }

  note(path: string): NoteInfo | undefined {
    return this.records.get(path);
  }

  notes(): Iterable<NoteInfo> {
    return this.records.values();
  }

  attachments(): Iterable<string> {
    return this.attachmentPaths.values();
  }

  textOf(path: string): string | undefined {
    return this.records.get(path)?.kept;
  }

  /**
   * From now on the index keeps no note's text (it forgets those it holds): a query that needs
   * one reads it back through `reader`, asynchronously (`readText`, `loadBacklinks`,
   * `loadUnlinkedMentions`); `textOf` and the synchronous queries see no text.
   */
  readTextsThrough(reader: TextReader): void {
    this.reader = reader;
    for (const r of this.records.values()) r.forgetText();
  }

  /** Whether the index keeps every note's text (`textOf` answers), or reads them back when asked. */
  keepsTexts(): boolean {
    return this.reader === undefined;
  }

  /**
   * This index, or where it keeps no texts a copy that keeps them all (read back now): for work
   * that reads every note synchronously, a site's publishing. A note that cannot be read is left out.
   */
  async withTexts(): Promise<NoteIndex> {
    if (!this.reader) return this;
    const texts = await this.readTexts([...this.records.keys()]);
    const copy = new NoteIndex();
    copy.beginBulk();
    for (const path of this.attachmentPaths) copy.addAttachment(path);
    // After the reads: a note read back changed was reindexed, and its record is the new one.
    for (const r of this.records.values()) {
      const text = texts.get(r.path);
      if (text !== undefined && r.indexedFrom(text)) copy.restore(r.path, text, r.packed);
      else if (text !== undefined) copy.upsert(r.path, text);
    }
    copy.endBulk();
    return copy;
  }

  /** How many notes' texts the index holds (0 once it reads them back): what tests of the no-text mode check. */
  keptTextCount(): number {
    let n = 0;
    for (const r of this.records.values()) if (r.kept !== undefined) n++;
    return n;
  }

  /** Whether `text` is the text the note was last indexed from. */
  indexedFrom(path: string, text: string): boolean {
    return this.records.get(path)?.indexedFrom(text) ?? false;
  }

  /**
   * The note's text: kept, or read back. A text read back that is not the one the note was
   * indexed from (the file changed and no event told the index yet) is indexed first, so what
   * the caller asks next matches it. Undefined for a note the index does not hold or cannot read.
   */
  async readText(path: string): Promise<string | undefined> {
    return (await this.readNote(path))?.text;
  }

  private async readNote(path: string, attempts = 3): Promise<{ record: NoteRecord; text: string } | undefined> {
    const record = this.records.get(path);
    if (!record) return undefined;
    if (record.kept !== undefined || !this.reader) return { record, text: record.text };
    const recent = this.recentReads.get(path);
    if (recent?.record === record) return recent;
    let text: string | undefined;
    try {
      text = await this.reader(path);
    } catch {
      text = undefined;
    }
    const now = this.records.get(path);
    if (text === undefined || !now) return undefined;
    // Indexed anew while the read was on its way (an edit typed meanwhile): the text read may be
    // older than the note's, and reindexing from it would drop the edit. Read again.
    if (now !== record) return attempts > 1 ? this.readNote(path, attempts - 1) : undefined;
    if (!now.indexedFrom(text)) this.upsert(path, text);
    const read = { record: this.records.get(path)!, text };
    this.keepRecent(path, read);
    return read;
  }

  /**
   * Texts read back in the last moment: one view's refresh reads a note for its links' contexts,
   * then for its rows. Kept by record (a reindexed note is read again), until RECENT_MS pass without a read.
   */
  private readonly recentReads = new Map<string, { record: NoteRecord; text: string }>();
  private recentTimer: ReturnType<typeof setTimeout> | undefined;

  private keepRecent(path: string, read: { record: NoteRecord; text: string }): void {
    if (this.recentReads.size >= RECENT_MAX) this.recentReads.clear();
    this.recentReads.set(path, read);
    clearTimeout(this.recentTimer);
    this.recentTimer = setTimeout(() => this.recentReads.clear(), RECENT_MS);
  }

  /** The texts of `paths` as `readText` gives them, read at once; each with the record it matches. */
  private async readNotes(paths: Iterable<string>): Promise<Map<string, { record: NoteRecord; text: string }>> {
    const unique = [...new Set(paths)];
    const read = await Promise.all(unique.map(p => this.readNote(p)));
    const out = new Map<string, { record: NoteRecord; text: string }>();
    unique.forEach((p, i) => {
      const r = read[i];
      if (r) out.set(p, r);
    });
    return out;
  }

  /** Texts as `readText` gives them, for several notes at once (a note that cannot be read is left out). */
  async readTexts(paths: Iterable<string>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [p, r] of await this.readNotes(paths)) out.set(p, r.text);
    return out;
  }

  /** `target` may carry `#heading` or `|label`: they do not change which note is meant. */
  resolve(target: string, fromPath: string): Resolution {
    return resolveLink(target.split(/[#|]/, 1)[0].trim(), fromPath, this.names);
  }

  /** Whether the note has a heading with this text or slug, or the nested `Part#Section` (`[[note#Heading]]` checks). */
  headingExists(path: string, heading: string): boolean {
    return findHeadingIndex(this.records.get(path)?.packed.headings ?? [], heading) >= 0;
  }

  /** Whether the note has a `^id` block (`[[note#^id]]` checks). */
  blockExists(path: string, id: string): boolean {
    return findBlock(this.records.get(path)?.packed.blockIds ?? [], id) !== undefined;
  }

  forwardLinks(path: string): readonly ResolvedLink[] {
    return Array.from(this.records.get(path)?.links ?? [], id => this.resolved(id));
  }

  linkEnds(path: string): readonly LinkEnd[] {
    return Array.from(this.records.get(path)?.links ?? [], (id): LinkEnd => {
      return { kind: this.graph.kindOf(id), property: this.graph.propertyOf(id), resolution: this.graph.resolutionOf(id) };
    });
  }

  /** `linkEnds` without an object per link (LinkEndReader): the graph's build reads every link. */
  eachLinkEnd(path: string, each: (kind: LinkEnd['kind'], property: string | undefined, resolution: Resolution) => void): void {
    const record = this.records.get(path);
    if (!record) return;
    // Read from a restored note's numbers: opening the graph does not decode every note's links.
    for (let i = 0, n = record.linkCount; i < n; i++) {
      const id = linkIdAt(record.linkIds, i);
      each(this.graph.kindOf(id), this.graph.propertyOf(id), this.graph.resolutionOf(id));
    }
  }

  /** The one place a link's row becomes an object: for the links a query returns. */
  private resolved(id: number): ResolvedLink {
    const graph = this.graph;
    return { source: graph.sourceOf(id), link: linkAt(graph.rangesOf(id), graph.linkOf(id)), resolution: graph.resolutionOf(id) };
  }

  /** Contexts from the texts the index keeps: once it keeps none (`readTextsThrough`), `loadBacklinks` gives them. */
  backlinks(target: string | { placeholder: string }): Backlink[] {
    return this.backlinksIn(this.linkIdsTo(target), source => this.records.get(source)!.kept);
  }

  /** `backlinks`, with each context read from its note's text (read back when the index keeps no texts). */
  async loadBacklinks(target: string | { placeholder: string }): Promise<Backlink[]> {
    if (!this.reader) return this.backlinks(target);
    // A source read back changed is reindexed by the read, and may link differently: read again
    // until every linking note's text is the one its links were found in (a changing file: give up after a few).
    for (let attempt = 0; ; attempt++) {
      const ids = this.linkIdsTo(target);
      const read = await this.readNotes(ids.map(id => this.graph.sourceOf(id)));
      const current = this.linkIdsTo(target);
      const textOf = (source: string) => {
        const record = this.records.get(source);
        return record && textReadFor(read, record);
      };
      const stale = current.some(id => textOf(this.graph.sourceOf(id)) === undefined);
      if (!stale || attempt >= 3) return this.backlinksIn(current, textOf);
    }
  }

  private linkIdsTo(target: string | { placeholder: string }): readonly number[] {
    return typeof target === 'string' ? this.graph.linksTo(target) : this.graph.linksWaitingFor(target.placeholder);
  }

  /** A link whose note's text is not at hand has an empty context starting at the link. */
  private backlinksIn(ids: readonly number[], textOf: (source: string) => string | undefined): Backlink[] {
    return ids
      .map(id => {
        const resolved = this.resolved(id);
        const text = textOf(resolved.source);
        if (text === undefined) return { ...resolved, context: '', contextStart: resolved.link.range.start };
        const context = contextText(text, resolved.link.context, resolved.link.range);
        return { ...resolved, context: context.text, contextStart: context.start };
      })
      .sort(compareLinks);
  }

  notesWithTag(tag: string, options?: { nested?: boolean }): TagOccurrence[] {
    return this.tags.notesWithTag(tag, options?.nested ?? true);
  }

  tagTree(): TagNode[] {
    return this.tags.tree();
  }

  placeholders(): Placeholder[] {
    if (this.placeholderList?.version !== this.graph.waitingVersion) {
      const list: Placeholder[] = [];
      for (const name of this.graph.placeholderNames()) {
        const ids = this.graph.linksWaitingFor(name);
        // The first link in path and text order: its casing names the placeholder.
        const first = ids.reduce((a, b) => (this.graph.compare(b, a) < 0 ? b : a));
        const resolution = this.graph.resolutionOf(first);
        const attachment = resolution.kind === 'placeholder' && resolution.attachment;
        list.push({ name, display: stripMd(this.graph.targetOf(first)), attachment, backlinks: ids.length });
      }
      list.sort((a, b) => comparePaths(a.name, b.name));
      this.placeholderList = { version: this.graph.waitingVersion, list };
    }
    return this.placeholderList.list.slice();
  }

  /** Notes with no link in or out to another note (attachments and placeholders do not count). */
  orphans(): string[] {
    const out: string[] = [];
    for (const [path, record] of this.records) {
      let linksOut = false;
      for (let i = 0, n = record.linkCount; i < n && !linksOut; i++) {
        const r = this.graph.resolutionOf(linkIdAt(record.linkIds, i));
        linksOut = r.kind === 'note' && r.path !== path;
      }
      if (!linksOut && !this.graph.linkedFromOthers(path)) out.push(path);
    }
    return out.sort(comparePaths);
  }

  ambiguousLinks(): ResolvedLink[] {
    return this.graph.ambiguousLinks().map(id => this.resolved(id)).sort(compareLinks);
  }

  brokenLinks(): BrokenLink[] {
    const out: BrokenLink[] = [];
    for (const record of this.records.values()) for (let i = 0, n = record.linkCount; i < n; i++) this.addIfBroken(linkIdAt(record.linkIds, i), out);
    return out.sort(compareLinks);
  }

  brokenLinksIn(path: string): BrokenLink[] {
    const out: BrokenLink[] = [];
    for (const link of this.records.get(path)?.links ?? []) this.addIfBroken(link, out);
    return out.sort(compareLinks);
  }

  frontmatterProblems(): FrontmatterProblem[] {
    const out: FrontmatterProblem[] = [];
    for (const [path, record] of this.records) {
      const fm = record.packed.frontmatter;
      if (fm?.error !== undefined) out.push({ path, line: fm.errorLine ?? 0, message: fm.error });
    }
    return out.sort((a, b) => comparePaths(a.path, b.path));
  }

  /** A link to a placeholder, or to a note without the heading or block it names (attachments' `#page=3` is theirs). */
  private addIfBroken(id: number, out: BrokenLink[]): void {
    const resolution = this.graph.resolutionOf(id);
    if (resolution.kind === 'placeholder') {
      out.push({ ...this.resolved(id), kind: resolution.attachment ? 'missing-attachment' : 'missing-note', suggestions: [] });
      return;
    }
    const link = this.graph.linkOf(id);
    if ((link.heading === undefined && link.block === undefined) || (resolution.kind !== 'note' && resolution.kind !== 'self')) return;
    const packed = this.records.get(resolution.path)?.packed;
    if (!packed) return;
    const wanted = linkFragment(link);
    if (!wanted || resolveFragment(packed, wanted)) return;
    if (wanted.heading !== undefined) {
      const suggestions = closestNames(lastHeadingPart(wanted.heading), packed.headings.map(h => h.text));
      out.push({ ...this.resolved(id), kind: 'missing-heading', suggestions });
    } else if (wanted.block !== undefined) {
      const suggestions = closestNames(wanted.block, packed.blockIds.map(b => b.id));
      out.push({ ...this.resolved(id), kind: 'missing-block', suggestions });
    }
  }

  /**
   * Does the work of the first `completionCandidates` until `deadline` (a `performance.now()`
   * time); true once it is all done. An editor calls it between tasks after a build.
   */
  prepareCompletion(deadline: number): boolean {
    if (!this.completion.prepare(this.notes(), deadline)) return false;
    this.completionCandidates('');
    return true;
  }

  /**
   * How many links point at `path`, as completion ranks by it: a column the link graph keeps as
   * links come and go, so each of a keystroke's 10,000 candidates costs one lookup.
   */
  linkCountTo(path: string): number {
    return this.graph.linkCountTo(path);
  }

  /** The insert text does not depend on `fromPath`: a shortest unique target is unique from anywhere. */

  completionCandidates(_fromPath: string): CompletionCandidate[] {
    const out = this.completion.entries(this.notes());
    for (const c of this.placeholderCandidates()) out.push(c);
    return out;
  }

  /** Kept until a placeholder comes or goes: the same objects let a host cache per candidate. */
  private placeholderCandidates(): readonly CompletionCandidate[] {
    if (this.waitingCandidates?.version !== this.graph.waitingVersion) {
      const list: CompletionCandidate[] = [];
      for (const p of this.placeholders()) {
        if (!p.attachment) list.push({ path: p.name, insertText: p.display, title: p.display, aliases: [], placeholder: true });
      }
      this.waitingCandidates = { version: this.graph.waitingVersion, list: list.sort(byShorterTarget) };
    }
    return this.waitingCandidates.list;
  }

  /** In the texts the index keeps: once it keeps none (`readTextsThrough`), `loadUnlinkedMentions` searches them. */
  unlinkedMentions(path: string, sources?: Iterable<string>): UnlinkedMention[] {
    const note = this.records.get(path);
    if (!note) return [];
    const terms = [note.title, ...note.aliases];
    const searched = this.mentionIndex.notesToSearch(terms, this.records, path, sources, r => r.kept);
    return findMentions(terms, searched.flatMap(r => (r.kept === undefined ? [] : [{ path: r.path, packed: r.packed, text: r.kept }])));
  }

  /**
   * `unlinkedMentions`, reading texts back when the index keeps none: the first search reads every
   * note of `sources` once (to make its word filter, mentionIndex.ts), later ones only the notes
   * whose filter may hold the title or an alias.
   */
  async loadUnlinkedMentions(path: string, sources?: Iterable<string>): Promise<UnlinkedMention[]> {
    if (!this.reader) return this.unlinkedMentions(path, sources);
    const paths: string[] = [];
    for (const p of sources ?? this.records.keys()) if (p !== path) paths.push(p);
    const unfiltered = paths.filter(p => {
      const r = this.records.get(p);
      return r !== undefined && !this.mentionIndex.hasSignature(r);
    });
    const read = await this.readNotes(unfiltered);
    const note = this.records.get(path);
    if (!note) return [];
    const terms = [note.title, ...note.aliases];
    const textOf = (r: NoteRecord) => textReadFor(read, r);
    const candidates = this.mentionIndex.notesToSearch(terms, this.records, path, paths, textOf);
    // Searched in the notes as they are now: a read may have reindexed one, and an event may have
    // put a note back while texts were read (a watcher's late change event with the same text: CI).
    // A note whose text is not at hand is read again, a few times at most (a file that keeps
    // changing); one that could not be read is not asked for again.
    const unreadable = new Set<string>();
    for (let attempt = 0; ; attempt++) {
      const searched: { path: string; packed: PackedSyntax; text: string }[] = [];
      const missing: string[] = [];
      for (const r of candidates) {
        const now = this.records.get(r.path);
        if (!now || unreadable.has(now.path)) continue;
        const text = textOf(now);
        if (text !== undefined) searched.push({ path: now.path, packed: now.packed, text });
        else missing.push(now.path);
      }
      if (missing.length === 0 || attempt >= 3) return findMentions(terms, searched);
      const more = await this.readNotes(missing);
      for (const p of missing) {
        const r = more.get(p);
        if (r) read.set(p, r);
        else unreadable.add(p);
      }
    }
  }

  stats(): IndexStats {
    let links = 0;
    for (const record of this.records.values()) links += record.linkCount;
    let unresolved = 0;
    let placeholders = 0;
    for (const name of this.graph.placeholderNames()) {
      unresolved += this.graph.countWaitingFor(name);
      placeholders++;
    }
    return {
      notes: this.records.size,
      attachments: this.attachmentPaths.size,
      links,
      resolved: links - unresolved,
      unresolved,
      ambiguous: this.graph.ambiguousLinks().length,
      tags: this.tags.count(),
      placeholders,
    };
  }
}

/**
 * The text read back for a note, if its ranges were found in it: read for this record, or for one
 * it replaced with the same text (an event that put the note back while texts were read).
 */
function textReadFor(read: ReadonlyMap<string, { record: NoteRecord; text: string }>, record: NoteRecord): string | undefined {
  const r = read.get(record.path);
  if (!r) return undefined;
  return r.record === record || record.indexedFrom(r.text) ? r.text : undefined;
}
