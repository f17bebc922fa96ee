// All notes of a vault in memory: resolution, backlinks, tags, placeholders. Every change
// costs work in proportion to the note and to the links whose meaning it changes.
import { linkAt, unpackSyntax, type PackedSyntax } from '../syntax/packed';
import { scanNotePacked } from '../syntax/scanNote';
import type { NoteSyntax } from '../syntax/types';
import { contextText } from './context';
import { CompletionList } from './completionList';
import { byShorterTarget } from './completionRank';
import { compareLinks, LinkGraph } from './linkGraph';
import { closestNames } from './fragments';
import { findBlock, findHeadingIndex, lastHeadingPart, linkFragment, resolveFragment } from '../syntax/fragment';
import { MentionIndex } from './mentionIndex';
import { findMentions } from './mentions';
import { comparePaths, fileNameOf, isNotePath, stripMd } from './paths';
import { resolveLink } from './resolve';
import { TagTable } from './tagTable';
import type {
  LinkEnd,
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
  readonly text: string;
  readonly packed: PackedSyntax;
}

/** A note as the index keeps it; it is also the NoteInfo that queries hand out. */
class NoteRecord implements NoteInfo, PackedNote {
  constructor(
    readonly path: string,
    readonly title: string,
    readonly names: NoteNames,
    readonly text: string,
    readonly packed: PackedSyntax,
    /** Its links' ids in the link graph (LinkGraph), in text order. */
    readonly links: readonly number[],
  ) {}

  get aliases(): readonly string[] {
    return this.names.aliases;
  }

  /** Unpacked on each read (the index keeps ranges packed: see syntax/packed.ts): read it once per use. */
  get syntax(): NoteSyntax {
    return unpackSyntax(this.packed);
  }
}

function namesOf(syntax: PackedSyntax): NoteNames {
  const fm = syntax.frontmatter;
  return fm?.title !== undefined ? { title: fm.title, aliases: fm.aliases } : { aliases: fm?.aliases ?? [] };
}

function sameNames(a: NoteNames, b: NoteNames): boolean {
  return a.title === b.title && a.aliases.length === b.aliases.length && a.aliases.every((x, i) => x === b.aliases[i]);
}

export class NoteIndex implements NoteQueries {
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
    this.putNote(path, text, scanNotePacked(text));
    this.settle();
  }

  /**
   * Puts back a note as `packedNotes()` gave it (from a cache) without scanning its text: the
   * result answers every query as `upsert(path, text)` would.
   */
  restore(path: string, text: string, packed: PackedSyntax): void {
    if (!isNotePath(path)) return this.addAttachment(path);
    this.putNote(path, text, packed);
    this.settle();
  }

  /** Every note as the index keeps it: what a cache must store to `restore` it. */
  packedNotes(): Iterable<PackedNote> {
    return this.records.values();
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
      const text = note?.text ?? '';
      this.putNote(to, text, note?.packed ?? scanNotePacked(text));
    } else {
      this.drop(to);
      this.attachmentPaths.add(to);
      this.names.addAttachment(to);
      this.touchNamesOf(to);
    }
    this.settle();
  }

  private putNote(path: string, text: string, syntax: PackedSyntax): void {
    const old = this.records.get(path);
    const names = namesOf(syntax);
    if (old) {
      this.graph.drop(old.links);
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
    // A plain array of small integers, not an Int32Array: a typed array and its buffer cost about
    // 200 bytes per note beside the numbers (10,000 notes: 4 MB, more than the records it replaced).
    const links = new Array<number>(syntax.links.length);
    for (let i = 0; i < links.length; i++) links[i] = this.graph.add(path, syntax.links[i], syntax.ranges);
    this.records.set(path, new NoteRecord(path, title, names, text, syntax, links));
    this.tags.add(path, syntax.tags, syntax.ranges);
  }

  private drop(path: string): void {
    const note = this.records.get(path);
    if (note) {
      this.graph.drop(note.links);
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
    return this.records.get(path)?.text;
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
      const link = this.graph.linkOf(id);
      return { kind: link.kind, property: link.property, resolution: this.graph.resolutionOf(id) };
    });
  }

  /** The one place a link's row becomes an object: for the links a query returns. */
  private resolved(id: number): ResolvedLink {
    const graph = this.graph;
    return { source: graph.sourceOf(id), link: linkAt(graph.rangesOf(id), graph.linkOf(id)), resolution: graph.resolutionOf(id) };
  }

  backlinks(target: string | { placeholder: string }): Backlink[] {
    const ids = typeof target === 'string' ? this.graph.linksTo(target) : this.graph.linksWaitingFor(target.placeholder);
    return ids
      .map(id => {
        const resolved = this.resolved(id);
        const text = this.records.get(resolved.source)!.text;
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
        list.push({ name, display: stripMd(this.graph.linkOf(first).target), attachment, backlinks: ids.length });
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
      const linksOut = record.links.some(id => {
        const r = this.graph.resolutionOf(id);
        return r.kind === 'note' && r.path !== path;
      });
      if (!linksOut && !this.graph.linkedFromOthers(path)) out.push(path);
    }
    return out.sort(comparePaths);
  }

  ambiguousLinks(): ResolvedLink[] {
    return this.graph.ambiguousLinks().map(id => this.resolved(id)).sort(compareLinks);
  }

  brokenLinks(): BrokenLink[] {
    const out: BrokenLink[] = [];
    for (const record of this.records.values()) for (const link of record.links) this.addIfBroken(link, out);
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

  unlinkedMentions(path: string, sources?: Iterable<string>): UnlinkedMention[] {
    const note = this.records.get(path);
    if (!note) return [];
    const terms = [note.title, ...note.aliases];
    return findMentions(terms, this.mentionIndex.notesToSearch(terms, this.records, path, sources));
  }

  stats(): IndexStats {
    let links = 0;
    for (const record of this.records.values()) links += record.links.length;
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
