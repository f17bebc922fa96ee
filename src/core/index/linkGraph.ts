// Every link of the vault with what it resolves to, who links to what, and — so that a
// change costs only what it touches — which links looked up each name.
import type { LinkItem } from '../syntax/types';
import { comparePaths, folderOf, isRelativeTarget } from './paths';
import { linkKeys, resolveLink } from './resolve';
import { addToSet, removeFromSet } from './setMap';
import type { Resolution, ResolvedLink } from './types';
import type { VaultNames } from './vaultNames';

/**
 * The links that look up the same names: those with the same target text (and, for a
 * relative target, the same folder). Name keys are registered once per group, not per link.
 */
interface TargetGroup {
  readonly id: string;
  /** The name keys its links looked up (see `linkKeys`). */
  readonly keys: readonly string[];
  readonly links: Set<LinkRecord>;
}

export interface LinkRecord {
  readonly source: string;
  readonly link: LinkItem;
  readonly group: TargetGroup;
  resolution: Resolution;
  /** Where this link is counted in `incoming`: a note or attachment path, or a placeholder key. */
  target: string | undefined;
  /** Queued for resolution. */
  pending: boolean;
  /** False once its note is gone or rescanned (it may still sit in the queue). */
  alive: boolean;
}

const UNRESOLVED: Resolution = { kind: 'placeholder', name: '', attachment: false };

/** Placeholder keys cannot clash with paths: no path holds a NUL. */
export function placeholderKey(name: string): string {
  return '\0' + name;
}

export function isPlaceholderKey(key: string): boolean {
  return key.charCodeAt(0) === 0;
}

export function compareLinks(a: ResolvedLink, b: ResolvedLink): number {
  return comparePaths(a.source, b.source) || a.link.range.startOffset - b.link.range.startOffset;
}

export class LinkGraph {
  private readonly groups = new Map<string, TargetGroup>();
  /** Name key -> the groups that looked it up. */
  private readonly byKey = new Map<string, Set<TargetGroup>>();
  /** Note or attachment path -> links resolved to it. */
  readonly incoming = new Map<string, Set<LinkRecord>>();
  /** Placeholder key -> links waiting for that note (kept apart: queries list them often). */
  readonly waiting = new Map<string, Set<LinkRecord>>();
  /** Bumped whenever `waiting` changes, so answers derived from it can be cached. */
  waitingVersion = 0;
  readonly ambiguous = new Set<LinkRecord>();
  private queue: LinkRecord[] = [];
  private readonly touchedKeys = new Set<string>();

  add(source: string, link: LinkItem): LinkRecord {
    const target = link.target;
    const id = isRelativeTarget(target) ? folderOf(source) + '\0' + target : target;
    let group = this.groups.get(id);
    if (!group) {
      group = { id, keys: linkKeys(target, source), links: new Set() };
      this.groups.set(id, group);
      for (const key of group.keys) addToSet(this.byKey, key, group);
    }
    const record: LinkRecord = { source, link, group, resolution: UNRESOLVED, target: undefined, pending: true, alive: true };
    group.links.add(record);
    this.queue.push(record);
    return record;
  }

  drop(records: readonly LinkRecord[]): void {
    for (const record of records) {
      record.alive = false;
      const group = record.group;
      group.links.delete(record);
      if (group.links.size === 0) {
        this.groups.delete(group.id);
        for (const key of group.keys) removeFromSet(this.byKey, key, group);
      }
      if (record.target !== undefined) removeFromSet(this.linksTo(record.target), record.target, record);
      this.ambiguous.delete(record);
    }
  }

  private linksTo(key: string): Map<string, Set<LinkRecord>> {
    if (!isPlaceholderKey(key)) return this.incoming;
    this.waitingVersion++;
    return this.waiting;
  }

  /** A note or attachment answering to these keys came, went or changed names: its links may mean something else now. */
  touch(keys: readonly string[]): void {
    for (const key of keys) this.touchedKeys.add(key);
  }

  /** Resolves the queued links and those that looked up a touched key. */
  resolvePending(names: VaultNames): void {
    for (const key of this.touchedKeys) {
      for (const group of this.byKey.get(key) ?? []) {
        for (const record of group.links) {
          if (record.pending) continue;
          record.pending = true;
          this.queue.push(record);
        }
      }
    }
    this.touchedKeys.clear();
    const queue = this.queue;
    this.queue = [];
    // Most targets mean the same from every folder: resolve those once per pass. Only ties
    // (ambiguous), relative and same-note links depend on where the link stands.
    const sameEverywhere = new Map<string, Resolution>();
    for (const record of queue) {
      record.pending = false;
      if (!record.alive) continue;
      const target = record.link.target;
      let resolution = sameEverywhere.get(target);
      if (!resolution) {
        resolution = resolveLink(target, record.source, names);
        if (target !== '' && !isRelativeTarget(target) && !('ambiguous' in resolution)) sameEverywhere.set(target, resolution);
      }
      this.settle(record, resolution);
    }
  }

  private settle(record: LinkRecord, resolution: Resolution): void {
    const target =
      resolution.kind === 'placeholder'
        ? placeholderKey(resolution.name)
        : resolution.kind === 'self'
          ? undefined
          : resolution.path;
    if (record.target !== target) {
      if (record.target !== undefined) removeFromSet(this.linksTo(record.target), record.target, record);
      if (target !== undefined) addToSet(this.linksTo(target), target, record);
      record.target = target;
    }
    record.resolution = resolution;
    if (resolution.kind !== 'self' && resolution.kind !== 'placeholder' && resolution.ambiguous) this.ambiguous.add(record);
    else if (this.ambiguous.size > 0) this.ambiguous.delete(record);
  }
}
