// Every link of the vault with what it resolves to, who links to what, and — so that a
// change costs only what it touches — which links looked up each name.
//
// Links are numbers (link ids), not objects: what the graph knows of a link is a row of flat
// columns (docs/index.md): the linking note's path id, its target group, its slot in that
// group, its place in its note's links, and (a reference per note, no object per link) the
// note's packed syntax, whose link objects a restored note makes only when one is read. Paths are interned once as path ids; how many links point at each path is a column
// kept as links come and go, so completion's ranking reads a number per candidate.
//
// Links with the same target text (relative ones: from the same folder) form a group that
// is resolved once and counted once: a new link to a known target costs a row and an append.
// Only a group whose target is ambiguous resolves link by link, since the tie-break
// depends on the linking note's folder.
import { startOf, type PackedLink, type PackedSyntax, type RangeColumn } from '../syntax/packed';
import { comparePaths, folderOf, isRelativeTarget } from './paths';
import { resolveTarget, targetKeys } from './resolve';
import { SetMap } from './setMap';
import { StringDict } from './stringDict';
import { linkCountOf, linkKindOf, linkPropertyOf, linkRangeOf, linkTargetOf, linkWrittenTargetOf, RestoredSyntax } from './restoredSyntax';
import type { TargetTable } from './targetTable';
import type { Resolution, ResolvedLink } from './types';
import type { VaultNames } from './vaultNames';

interface TargetGroup {
  readonly id: string;
  /** Its row in `groupRows` (what a link's `group` column holds). */
  readonly row: number;
  readonly target: string;
  /** The linking notes' folder for a relative target; `''` (any) otherwise. With the target, it gives the name keys its links look up (`targetKeys`: computed again when the group goes, not kept). */
  readonly folder: string;
  /** Link ids. A link knows its slot (`slot` column), so removal is a swap, with no hashing. */
  links: number[];
  /** What all its links mean; undefined when ambiguous (each link has its own) or not yet resolved. */
  resolution: Resolution | undefined;
  /** The path id where the group is counted in `incoming` (a link added or dropped adjusts its count with no lookup), else -1. */
  countedId: number;
  /** The placeholder name where the group is counted in `waiting`, else undefined. */
  waitingFor: string | undefined;
  pending: boolean;
}

type Count = { readonly path: string } | { readonly placeholder: string };

/** `group` column: a same-note link (`[[#Heading]]`, no group: it means its note, whatever else changes). */
const SAME_NOTE = -1;
/** `group` column: a free row. */
const FREE = -2;

const UNRESOLVED: Resolution = { kind: 'placeholder', name: '', attachment: false };

export function compareLinks(a: Pick<ResolvedLink, 'source' | 'link'>, b: Pick<ResolvedLink, 'source' | 'link'>): number {
  return comparePaths(a.source, b.source) || a.link.range.startOffset - b.link.range.startOffset;
}

/**
 * A note's link ids as `add` gives them: an array, or — when they are consecutive rows, as every
 * note's are while rows are only appended (a cold build, a restore) — the first of them alone, the
 * note's link count telling how many (no array per note: 10,000 fewer objects in a restored index).
 */
export type LinkIds = readonly number[] | number;

const NO_IDS: readonly number[] = [];

/** Link id `i` of `ids` (`i` below the note's link count). */
export function linkIdAt(ids: LinkIds, i: number): number {
  return typeof ids === 'number' ? ids + i : ids[i];
}

/** The ids as an array (`count`: the note's link count, `linkCountOf` its syntax). */
export function linkIdList(ids: LinkIds, count: number): readonly number[] {
  if (typeof ids !== 'number') return ids;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = ids + i;
  return out;
}

function grow(column: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= column.length) return column;
  const next = new Int32Array(Math.max(size, column.length * 2));
  next.set(column);
  return next;
}

export class LinkGraph {
  // ---- Link rows (link id = row) ----
  /** Path id of the linking note. */
  private source = new Int32Array(1024);
  /** Row of the target group, SAME_NOTE or FREE. */
  private group = new Int32Array(1024);
  /** Index in its group's `links`; -1 for a same-note link. */
  private slot = new Int32Array(1024);
  /** The link's index in its note's packed links (`linkOf`). */
  private nth = new Int32Array(1024);
  /** A link's own resolution: links of an ambiguous group (sparse: most links have none). */
  private readonly own = new Map<number, Resolution>();
  private rows = 0;
  private readonly freeRows: number[] = [];

  // ---- Paths, interned once ----
  private readonly pathIds = new StringDict<number>();
  private readonly paths: string[] = [];
  /** Per path id: how many links resolve to that note or attachment (a note's links to itself included). */
  private incomingCount = new Int32Array(1024);
  /**
   * Per path id of a linking note: its packed syntax (`linkAt(syntax.ranges, syntax.links[nth])`
   * gives the LinkItem). One reference per note, not per link; a restored note's links are made
   * into objects when first read through it, not when filed.
   */
  private readonly noteSyntax: (PackedSyntax | undefined)[] = [];

  // ---- Target groups ----
  private readonly groups = new StringDict<TargetGroup>();
  private readonly groupRows: (TargetGroup | undefined)[] = [];
  private readonly freeGroupRows: number[] = [];
  /** Name key -> the groups that look it up. */
  private readonly byKey = new SetMap<TargetGroup>();
  /** Note or attachment path -> the groups resolved to it. */
  private readonly incoming = new SetMap<TargetGroup>();
  /** Path -> links (ids) of ambiguous groups that chose it. */
  private readonly incomingLinks = new SetMap<number>();
  /** Placeholder name -> the groups waiting for that note. */
  private readonly waiting = new SetMap<TargetGroup>();
  private readonly ambiguous = new Set<TargetGroup>();
  private readonly touchedKeys = new Set<string>();
  private queue: TargetGroup[] = [];
  /** Bumped whenever what `placeholders()` reports may change, so callers can cache it. */
  waitingVersion = 0;

  private pathId(path: string): number {
    let id = this.pathIds.get(path);
    if (id === undefined) {
      id = this.paths.length;
      this.paths.push(path);
      this.pathIds.set(path, id);
      this.incomingCount = grow(this.incomingCount, id + 1);
    }
    return id;
  }

  private newRow(): number {
    const row = this.freeRows.length > 0 ? this.freeRows.pop()! : this.rows++;
    if (row >= this.group.length) {
      this.source = grow(this.source, row + 1);
      this.group = grow(this.group, row + 1);
      this.slot = grow(this.slot, row + 1);
      this.nth = grow(this.nth, row + 1);
    }
    return row;
  }

  /**
   * Files the links of `source` (one note's, in text order) and returns their ids. One call per
   * note, not per link: the note's path id and folder are looked up once. A link is filed by its
   * target's text alone (`linkTargetOf`: a restored note's is read from its numbers, no link object
   * made). With `table` (the cache a restored note comes from) a link names its row there: the
   * group is found by that number (relative targets, whose group depends on the folder, by their text).
   */
  add(source: string, syntax: PackedSyntax, table?: TargetTable): LinkIds {
    const count = linkCountOf(syntax);
    if (count === 0) return NO_IDS;
    // No free row: the rows are the next `count` ones, told by the first (`LinkIds`). Else a plain
    // array of small integers, not an Int32Array: a typed array and its buffer cost about 200 bytes
    // per note beside the numbers (10,000 notes: 4 MB, more than the records it replaced).
    const ids = this.freeRows.length === 0 ? undefined : new Array<number>(count);
    const sourceId = this.pathId(source);
    this.noteSyntax[sourceId] = syntax;
    let folder: string | undefined;
    const restored = table !== undefined && syntax instanceof RestoredSyntax ? syntax : undefined;
    for (let i = 0; i < count; i++) {
      const row = this.newRow();
      if (ids) ids[i] = row;
      this.source[row] = sourceId;
      this.nth[row] = i;
      const tableRow = restored ? restored.linkRow(i, table!.texts) : -1;
      const target = tableRow >= 0 ? table!.texts[tableRow] : linkTargetOf(syntax, i);
      if (target === '') {
        this.group[row] = SAME_NOTE;
        this.slot[row] = -1;
        continue;
      }
      const relative = isRelativeTarget(target);
      let group: TargetGroup;
      if (tableRow >= 0 && !relative) {
        group = this.groupOfRow(table!.groups, tableRow, target);
      } else {
        if (relative && folder === undefined) folder = folderOf(source);
        const id = relative && folder !== '' ? folder + '\0' + target : target;
        group = this.groups.get(id) ?? this.newGroup(id, target, relative ? folder! : '');
      }
      this.group[row] = group.row;
      this.slot[row] = group.links.length;
      group.links.push(row);
      if (group.countedId >= 0) this.incomingCount[group.countedId]++;
      if (group.resolution === undefined) this.enqueue(group); // new, or ambiguous: the new link needs its own
      else if (group.waitingFor !== undefined) this.waitingVersion++;
    }
    return ids ?? this.rows - count;
  }

  /** The group of a (not relative) target by its row in a cache's target table: a lookup by text once per row, not per link. */
  private groupOfRow(byRow: unknown[], row: number, target: string): TargetGroup {
    let group = byRow[row] as TargetGroup | undefined;
    // A group made for this row may have gone since (its links all dropped), or be another graph's.
    if (group === undefined || this.groupRows[group.row] !== group) {
      group = this.groups.get(target) ?? this.newGroup(target, target, '');
      byRow[row] = group;
    }
    return group;
  }

  private newGroup(id: string, target: string, folder: string): TargetGroup {
    const row = this.freeGroupRows.length > 0 ? this.freeGroupRows.pop()! : this.groupRows.length;
    const group: TargetGroup = { id, row, target, folder, links: [], resolution: undefined, countedId: -1, waitingFor: undefined, pending: false };
    this.groupRows[row] = group;
    this.groups.set(id, group);
    for (const key of targetKeys(target, folder)) this.byKey.add(key, group);
    return group;
  }

  /** Forgets links (ids `add` gave), all of a note's at once; each id is dropped once, then may be given to a new link. */
  drop(ids: LinkIds, count: number): void {
    for (let i = 0; i < count; i++) {
      const row = linkIdAt(ids, i);
      const groupRow = this.group[row];
      if (groupRow === FREE) continue;
      this.freeRow(row);
      if (groupRow === SAME_NOTE) continue;
      const group = this.groupRows[groupRow]!;
      const last = group.links.pop()!;
      if (last !== row) group.links[(this.slot[last] = this.slot[row])] = last;
      this.uncountLink(row);
      if (group.countedId >= 0) this.incomingCount[group.countedId]--;
      else if (group.waitingFor !== undefined) this.waitingVersion++;
      if (group.links.length > 0) continue;
      this.groups.delete(group.id);
      this.groupRows[groupRow] = undefined;
      this.freeGroupRows.push(groupRow);
      for (const key of targetKeys(group.target, group.folder)) this.byKey.delete(key, group);
      this.uncountGroup(group);
      this.ambiguous.delete(group);
    }
  }

  private freeRow(row: number): void {
    this.group[row] = FREE;
    // `drop` is given all of a note's links at once: its reference goes with them.
    this.noteSyntax[this.source[row]] = undefined;
    this.freeRows.push(row);
  }

  /** A note or attachment answering to these keys came, went or changed names: links that look them up may mean something else now. */
  touch(keys: readonly string[]): void {
    for (const key of keys) this.touchedKeys.add(key);
  }

  /**
   * Resolves the groups waiting, until `deadline` (a `performance.now()` time) when one is given,
   * so a cold build's resolution can be spread over several tasks. True when none is left.
   */
  resolvePending(names: VaultNames, deadline = Infinity): boolean {
    for (const key of this.touchedKeys) for (const group of this.byKey.get(key)) this.enqueue(group);
    this.touchedKeys.clear();
    const queue = this.queue;
    this.queue = [];
    let i = 0;
    for (; i < queue.length; i++) {
      if ((i & 127) === 127 && performance.now() > deadline) break;
      const group = queue[i];
      group.pending = false;
      if (group.links.length > 0) this.resolveGroup(group, names);
    }
    if (i === queue.length) return this.queue.length === 0;
    this.queue = queue.slice(i).concat(this.queue);
    return false;
  }

  private enqueue(group: TargetGroup): void {
    if (group.pending) return;
    group.pending = true;
    this.queue.push(group);
  }

  private resolveGroup(group: TargetGroup, names: VaultNames): void {
    // Cut to its length: appending grew it by half again each time (a cold build's 10,490 groups
    // held 0.9 MB of spare room).
    group.links = group.links.slice();
    // Only the links of an ambiguous group hold a resolution of their own (and a cold build's
    // groups, all new, none): skip visiting thousands of links that have nothing to undo.
    if (this.ambiguous.has(group)) for (const row of group.links) this.uncountLink(row);
    this.uncountGroup(group);
    const resolution = resolveTarget(group.target, group.folder, names);
    if (!('ambiguous' in resolution)) {
      this.ambiguous.delete(group);
      group.resolution = resolution;
      const at = countOf(resolution);
      if (at) this.count(at, group);
      return;
    }
    // Ties go to the linking note's folder: resolve once per folder among the group's links.
    this.ambiguous.add(group);
    group.resolution = undefined;
    const byFolder = new Map<string, Resolution>();
    for (const row of group.links) {
      const source = this.paths[this.source[row]];
      const folder = folderOf(source);
      let own = byFolder.get(folder);
      if (!own) byFolder.set(folder, (own = resolveTarget(group.target, folder, names)));
      // A bare name never picks the linking note itself while another candidate exists.
      if (own.kind === 'note' && own.path === source) own = resolveTarget(group.target, folder, names, source);
      this.own.set(row, own);
      const at = countOf(own);
      if (at && 'path' in at) {
        this.incomingLinks.add(at.path, row);
        this.incomingCount[this.pathId(at.path)]++;
      }
    }
  }

  private count(at: Count, group: TargetGroup): void {
    if ('path' in at) {
      this.incoming.add(at.path, group);
      group.countedId = this.pathId(at.path);
      this.incomingCount[group.countedId] += group.links.length;
    } else {
      this.waiting.add(at.placeholder, group);
      group.waitingFor = at.placeholder;
      this.waitingVersion++;
    }
  }

  private uncountGroup(group: TargetGroup): void {
    if (group.countedId >= 0) {
      this.incoming.delete(this.paths[group.countedId], group);
      this.incomingCount[group.countedId] -= group.links.length;
    } else if (group.waitingFor !== undefined) {
      this.waiting.delete(group.waitingFor, group);
      this.waitingVersion++;
    }
    group.countedId = -1;
    group.waitingFor = undefined;
  }

  private uncountLink(row: number): void {
    const own = this.own.get(row);
    if (own === undefined) return;
    this.own.delete(row);
    const at = countOf(own);
    if (at && 'path' in at) {
      this.incomingLinks.delete(at.path, row);
      this.incomingCount[this.pathId(at.path)]--;
    }
  }

  resolutionOf(id: number): Resolution {
    const groupRow = this.group[id];
    if (groupRow === SAME_NOTE) return { kind: 'self', path: this.paths[this.source[id]] };
    return this.own.get(id) ?? this.groupRows[groupRow]?.resolution ?? UNRESOLVED;
  }

  /** The linking note's path. */
  sourceOf(id: number): string {
    return this.paths[this.source[id]];
  }

  /** The link as the scanner packed it (a restored note's links are decoded here, on their first read). */
  linkOf(id: number): PackedLink {
    return this.noteSyntax[this.source[id]]!.links[this.nth[id]];
  }

  // A link's parts that answers read for many links (the graph's build, placeholders' names), read
  // without decoding a restored note's links.

  kindOf(id: number): PackedLink['kind'] {
    return linkKindOf(this.noteSyntax[this.source[id]]!, this.nth[id]);
  }

  propertyOf(id: number): string | undefined {
    return linkPropertyOf(this.noteSyntax[this.source[id]]!, this.nth[id]);
  }

  /** The link's target as written. */
  targetOf(id: number): string {
    return linkWrittenTargetOf(this.noteSyntax[this.source[id]]!, this.nth[id]);
  }

  /** The offset where the link starts. */
  startOf(id: number): number {
    const syntax = this.noteSyntax[this.source[id]]!;
    return startOf(syntax.ranges, linkRangeOf(syntax, this.nth[id]));
  }

  /** The linking note's ranges (`linkAt(rangesOf(id), linkOf(id))` is the LinkItem). */
  rangesOf(id: number): RangeColumn {
    return this.noteSyntax[this.source[id]]!.ranges;
  }

  /** Path, then text order. */
  compare(a: number, b: number): number {
    return comparePaths(this.sourceOf(a), this.sourceOf(b)) || this.startOf(a) - this.startOf(b);
  }

  /** Links resolved to a note or attachment, in no particular order. */
  linksTo(path: string): number[] {
    const out: number[] = [];
    for (const group of this.incoming.get(path)) for (const row of group.links) out.push(row);
    for (const row of this.incomingLinks.get(path)) out.push(row);
    return out;
  }

  /** Whether a link of another note resolves to `path` (orphans' question), without listing them. */
  linkedFromOthers(path: string): boolean {
    const id = this.pathIds.get(path);
    if (id === undefined || this.incomingCount[id] === 0) return false;
    for (const row of this.linksTo(path)) if (this.source[row] !== id) return true;
    return false;
  }

  /** How many links resolve to a note or attachment (a note's links to itself included): a column kept as links come and go, so a read is a lookup. */
  linkCountTo(path: string): number {
    const id = this.pathIds.get(path);
    return id === undefined ? 0 : this.incomingCount[id];
  }

  /** Links waiting for a placeholder, in no particular order. */
  linksWaitingFor(name: string): number[] {
    const out: number[] = [];
    for (const group of this.waiting.get(name)) for (const row of group.links) out.push(row);
    return out;
  }

  /** How many links wait for a placeholder, without listing them. */
  countWaitingFor(name: string): number {
    return this.waiting.sum(name, g => g.links.length);
  }

  placeholderNames(): Iterable<string> {
    return this.waiting.keys();
  }

  ambiguousLinks(): number[] {
    const out: number[] = [];
    for (const group of this.ambiguous) for (const row of group.links) out.push(row);
    return out;
  }
}

function countOf(resolution: Resolution): Count | undefined {
  switch (resolution.kind) {
    case 'note':
    case 'attachment':
      return { path: resolution.path };
    case 'placeholder':
      return { placeholder: resolution.name };
    case 'self':
      return undefined;
  }
}

