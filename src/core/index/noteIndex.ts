// All notes of a vault in memory: resolution, backlinks, tags, placeholders. Every change
// costs work in proportion to the note and to the links whose meaning it changes.
import { linkAt, unpackSyntax, type PackedSyntax } from '../syntax/packed';
import { scanNotePacked } from '../syntax/scanNote';
import type { NoteSyntax } from '../syntax/types';
import { contextText } from './context';
import { CompletionList } from './completionList';
import { byShorterTarget } from './completionRank';
import { compareLinks, compareRecords, LinkGraph, type LinkRecord } from './linkGraph';
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
    readonly links: readonly LinkRecord[],
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

/** How long completion's link counts are kept (see linkCountTo). */
const LINK_COUNTS_FOR_MS = 1000;

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
    // map, not push: an array of the right size.
    const links = syntax.links.map(link => this.graph.add(path, link, syntax.ranges));
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
    return (this.records.get(path)?.links ?? []).map(r => this.resolved(r));
  }

  linkEnds(path: string): readonly LinkEnd[] {
    return (this.records.get(path)?.links ?? []).map(r => ({ kind: r.link.kind, property: r.link.property, resolution: this.graph.resolutionOf(r) }));
  }

  private resolved(record: LinkRecord): ResolvedLink {
    return { source: record.source, link: linkAt(record.ranges, record.link), resolution: this.graph.resolutionOf(record) };
  }

  backlinks(target: string | { placeholder: string }): Backlink[] {
    const records = typeof target === 'string' ? this.graph.linksTo(target) : this.graph.linksWaitingFor(target.placeholder);
    return records
      .map(record => {
        const text = this.records.get(record.source)!.text;
        const resolved = this.resolved(record);
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
        const records = this.graph.linksWaitingFor(name);
        const first = firstLink(records);
        const resolution = this.graph.resolutionOf(first);
        const attachment = resolution.kind === 'placeholder' && resolution.attachment;
        list.push({ name, display: stripMd(first.link.target), attachment, backlinks: records.length });
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
      const linksOut = record.links.some(l => {
        const r = this.graph.resolutionOf(l);
        return r.kind === 'note' && r.path !== path;
      });
      if (!linksOut && !this.graph.linksTo(path).some(l => l.source !== path)) out.push(path);
    }
    return out.sort(comparePaths);
  }

  ambiguousLinks(): ResolvedLink[] {
    return this.graph.ambiguousLinks().map(r => this.resolved(r)).sort(compareLinks);
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
  private addIfBroken(record: LinkRecord, out: BrokenLink[]): void {
    const resolution = this.graph.resolutionOf(record);
    if (resolution.kind === 'placeholder') {
      out.push({ ...this.resolved(record), kind: resolution.attachment ? 'missing-attachment' : 'missing-note', suggestions: [] });
      return;
    }
    if ((record.link.heading === undefined && record.link.block === undefined) || (resolution.kind !== 'note' && resolution.kind !== 'self')) return;
    const packed = this.records.get(resolution.path)?.packed;
    if (!packed) return;
    const wanted = linkFragment(record.link);
    if (!wanted || resolveFragment(packed, wanted)) return;
    if (wanted.heading !== undefined) {
      const suggestions = closestNames(lastHeadingPart(wanted.heading), packed.headings.map(h => h.text));
      out.push({ ...this.resolved(record), kind: 'missing-heading', suggestions });
    } else if (wanted.block !== undefined) {
      const suggestions = closestNames(wanted.block, packed.blockIds.map(b => b.id));
      out.push({ ...this.resolved(record), kind: 'missing-block', suggestions });
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
   * How many links point at `path`, as completion ranks by it. Counted for every note at once and
   * kept for a second: each keystroke re-indexes the note being typed, and looking the count up
   * in the link graph for 10,000 candidates per keystroke cost more than the ranking itself; a
   * tie-break a second old ranks as well.
   */
  linkCountTo(path: string): number {
    const now = performance.now();
    if (!this.linkCounts || now - this.linkCountsAt > LINK_COUNTS_FOR_MS) {
      this.linkCounts = new Map();
      for (const p of this.records.keys()) this.linkCounts.set(p, this.graph.linkCountTo(p));
      this.linkCountsAt = now;
    }
    return this.linkCounts.get(path) ?? 0;
  }

  private linkCounts: Map<string, number> | undefined;
  private linkCountsAt = 0;

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
      unresolved += this.graph.linksWaitingFor(name).length;
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

/** The first link in path and text order: its casing names a placeholder. */
function firstLink(records: Iterable<LinkRecord>): LinkRecord {
  let first: LinkRecord | undefined;
  for (const r of records) if (!first || compareRecords(r, first) < 0) first = r;
  return first!;
}
