// Every link of the vault with what it resolves to, who links to what, and — so that a
// change costs only what it touches — which links looked up each name.
//
// Links with the same target text (relative ones: from the same folder) form a group that
// is resolved once and counted once: a new link to a known target costs a set insertion.
// Only a group whose target is ambiguous resolves link by link, since the tie-break
// depends on the linking note's folder.
import { startOf, type PackedLink } from '../syntax/packed';
import { comparePaths, folderOf, isRelativeTarget } from './paths';
import { linkKeys, resolveTarget } from './resolve';
import { SetMap } from './setMap';
import { StringDict } from './stringDict';
import type { Resolution, ResolvedLink } from './types';
import type { VaultNames } from './vaultNames';

interface TargetGroup {
  readonly id: string;
  readonly target: string;
  /** The linking notes' folder for a relative target; `''` (any) otherwise. */
  readonly folder: string;
  /** The name keys its links look up (see `linkKeys`). */
  readonly keys: readonly string[];
  /** An array, not a Set: a record knows its slot, so removal is a swap, with no hashing. */
  readonly links: LinkRecord[];
  /** What all its links mean; undefined when ambiguous (each link has its own) or not yet resolved. */
  resolution: Resolution | undefined;
  /** Where the group is counted: a path in `incoming`, or a placeholder name in `waiting`. */
  countedAt: Count | undefined;
  pending: boolean;
}

type Count = { readonly path: string } | { readonly placeholder: string };

export interface LinkRecord {
  readonly source: string;
  /** The link as the index keeps it: `linkAt(ranges, link)` gives the LinkItem. */
  readonly link: PackedLink;
  /** The linking note's ranges. */
  readonly ranges: Int32Array;
  /** Undefined for a same-note link (`[[#Heading]]`): it means its note, whatever else changes. */
  readonly group: TargetGroup | undefined;
  /** Its own resolution: same-note links, and links of an ambiguous group. */
  own: Resolution | undefined;
  /** Its index in `group.links`; -1 once dropped. */
  slot: number;
}

const UNRESOLVED: Resolution = { kind: 'placeholder', name: '', attachment: false };

export function compareLinks(a: Pick<ResolvedLink, 'source' | 'link'>, b: Pick<ResolvedLink, 'source' | 'link'>): number {
  return comparePaths(a.source, b.source) || a.link.range.startOffset - b.link.range.startOffset;
}

/** compareLinks for records: path, then text order. */
export function compareRecords(a: LinkRecord, b: LinkRecord): number {
  return comparePaths(a.source, b.source) || startOf(a.ranges, a.link.range) - startOf(b.ranges, b.link.range);
}

const linksOfGroup = (group: TargetGroup) => group.links.length;

export class LinkGraph {
  private readonly groups = new StringDict<TargetGroup>();
  /** Name key -> the groups that look it up. */
  private readonly byKey = new SetMap<TargetGroup>();
  /** Note or attachment path -> the groups resolved to it. */
  private readonly incoming = new SetMap<TargetGroup>();
  /** Path -> links of ambiguous groups that chose it. */
  private readonly incomingLinks = new SetMap<LinkRecord>();
  /** Placeholder name -> the groups waiting for that note. */
  private readonly waiting = new SetMap<TargetGroup>();
  private readonly ambiguous = new Set<TargetGroup>();
  private readonly touchedKeys = new Set<string>();
  private queue: TargetGroup[] = [];
  /** Bumped whenever what `placeholders()` reports may change, so callers can cache it. */
  waitingVersion = 0;

  add(source: string, link: PackedLink, ranges: Int32Array): LinkRecord {
    const target = link.reference ?? link.target;
    if (target === '') return { source, link, ranges, group: undefined, own: { kind: 'self', path: source }, slot: -1 };
    const folder = isRelativeTarget(target) ? folderOf(source) : '';
    const id = folder === '' ? target : folder + '\0' + target;
    let group = this.groups.get(id);
    if (!group) {
      const keys = linkKeys(target, source);
      group = { id, target, folder, keys, links: [], resolution: undefined, countedAt: undefined, pending: false };
      this.groups.set(id, group);
      for (const key of keys) this.byKey.add(key, group);
    }
    const record: LinkRecord = { source, link, ranges, group, own: undefined, slot: group.links.length };
    group.links.push(record);
    if (group.resolution === undefined) this.enqueue(group); // new, or ambiguous: the new link needs its own
    else if (group.countedAt && 'placeholder' in group.countedAt) this.waitingVersion++;
    return record;
  }

  drop(records: readonly LinkRecord[]): void {
    for (const record of records) {
      const group = record.group;
      if (!group || record.slot < 0) continue; // same-note, or dropped already
      const last = group.links.pop()!;
      if (last !== record) group.links[(last.slot = record.slot)] = last;
      record.slot = -1;
      this.uncountLink(record);
      if (group.countedAt && 'placeholder' in group.countedAt) this.waitingVersion++;
      if (group.links.length > 0) continue;
      this.groups.delete(group.id);
      for (const key of group.keys) this.byKey.delete(key, group);
      this.uncountGroup(group);
      this.ambiguous.delete(group);
    }
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
    // Only the links of an ambiguous group hold a resolution of their own (and a cold build's
    // groups, all new, none): skip visiting thousands of links that have nothing to undo.
    if (this.ambiguous.has(group)) for (const record of group.links) this.uncountLink(record);
    this.uncountGroup(group);
    const resolution = resolveTarget(group.target, group.folder, names);
    if (!('ambiguous' in resolution)) {
      this.ambiguous.delete(group);
      group.resolution = resolution;
      group.countedAt = countOf(resolution);
      if (group.countedAt) this.count(group.countedAt, group);
      return;
    }
    // Ties go to the linking note's folder: resolve once per folder among the group's links.
    this.ambiguous.add(group);
    group.resolution = undefined;
    const byFolder = new Map<string, Resolution>();
    for (const record of group.links) {
      const folder = folderOf(record.source);
      let own = byFolder.get(folder);
      if (!own) byFolder.set(folder, (own = resolveTarget(group.target, folder, names)));
      // A bare name never picks the linking note itself while another candidate exists.
      if (own.kind === 'note' && own.path === record.source) own = resolveTarget(group.target, folder, names, record.source);
      record.own = own;
      const at = countOf(own);
      if (at && 'path' in at) this.incomingLinks.add(at.path, record);
    }
  }

  private count(at: Count, group: TargetGroup): void {
    if ('path' in at) {
      this.incoming.add(at.path, group);
    } else {
      this.waiting.add(at.placeholder, group);
      this.waitingVersion++;
    }
  }

  private uncountGroup(group: TargetGroup): void {
    const at = group.countedAt;
    if (!at) return;
    if ('path' in at) {
      this.incoming.delete(at.path, group);
    } else {
      this.waiting.delete(at.placeholder, group);
      this.waitingVersion++;
    }
    group.countedAt = undefined;
  }

  private uncountLink(record: LinkRecord): void {
    const at = record.own && record.group ? countOf(record.own) : undefined;
    if (at && 'path' in at) this.incomingLinks.delete(at.path, record);
    if (record.group) record.own = undefined;
  }

  resolutionOf(record: LinkRecord): Resolution {
    return record.own ?? record.group?.resolution ?? UNRESOLVED;
  }

  /** Links resolved to a note or attachment, in no particular order. */
  linksTo(path: string): LinkRecord[] {
    const out: LinkRecord[] = [];
    for (const group of this.incoming.get(path)) for (const record of group.links) out.push(record);
    for (const record of this.incomingLinks.get(path)) out.push(record);
    return out;
  }

  /** How many links resolve to a note or attachment (a note's links to itself included): completion's tie-break, so cheap — no list is built. */
  linkCountTo(path: string): number {
    return this.incomingLinks.count(path) + this.incoming.sum(path, linksOfGroup);
  }

  /** Links waiting for a placeholder, in no particular order. */
  linksWaitingFor(name: string): LinkRecord[] {
    const out: LinkRecord[] = [];
    for (const group of this.waiting.get(name)) for (const record of group.links) out.push(record);
    return out;
  }

  placeholderNames(): Iterable<string> {
    return this.waiting.keys();
  }

  ambiguousLinks(): LinkRecord[] {
    const out: LinkRecord[] = [];
    for (const group of this.ambiguous) for (const record of group.links) out.push(record);
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
