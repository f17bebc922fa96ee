// Every link of the vault with what it resolves to, who links to what, and — so that a
// change costs only what it touches — which links looked up each name.
import type { LinkItem } from '../syntax/types';
import { comparePaths } from './paths';
import { linkKeys, resolveLink } from './resolve';
import { addToSet, removeFromSet } from './setMap';
import type { Resolution, ResolvedLink } from './types';
import type { VaultNames } from './vaultNames';

export interface LinkRecord {
  readonly source: string;
  readonly link: LinkItem;
  /** The name keys this link looked up (see `linkKeys`). */
  readonly keys: readonly string[];
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

export function compareLinks(a: ResolvedLink, b: ResolvedLink): number {
  return comparePaths(a.source, b.source) || a.link.range.startOffset - b.link.range.startOffset;
}

export class LinkGraph {
  private readonly byKey = new Map<string, Set<LinkRecord>>();
  /** Target (path or placeholder key) -> links resolved to it. */
  readonly incoming = new Map<string, Set<LinkRecord>>();
  readonly ambiguous = new Set<LinkRecord>();
  private queue: LinkRecord[] = [];
  private readonly touchedKeys = new Set<string>();

  add(source: string, link: LinkItem): LinkRecord {
    const record: LinkRecord = {
      source,
      link,
      keys: linkKeys(link.target, source),
      resolution: UNRESOLVED,
      target: undefined,
      pending: true,
      alive: true,
    };
    for (const key of record.keys) addToSet(this.byKey, key, record);
    this.queue.push(record);
    return record;
  }

  drop(records: readonly LinkRecord[]): void {
    for (const record of records) {
      record.alive = false;
      for (const key of record.keys) removeFromSet(this.byKey, key, record);
      if (record.target !== undefined) removeFromSet(this.incoming, record.target, record);
      this.ambiguous.delete(record);
    }
  }

  /** A note or attachment answering to these keys came, went or changed names: its links may mean something else now. */
  touch(keys: readonly string[]): void {
    for (const key of keys) this.touchedKeys.add(key);
  }

  /** Forgets touched keys: only for a bulk load into an empty index, where every link is queued anyway. */
  untouchAll(): void {
    this.touchedKeys.clear();
  }

  /** Resolves the queued links and those that looked up a touched key. */
  resolvePending(names: VaultNames): void {
    for (const key of this.touchedKeys) {
      const records = this.byKey.get(key);
      if (!records) continue;
      for (const record of records) {
        if (record.pending) continue;
        record.pending = true;
        this.queue.push(record);
      }
    }
    this.touchedKeys.clear();
    const queue = this.queue;
    this.queue = [];
    for (const record of queue) {
      record.pending = false;
      if (record.alive) this.settle(record, resolveLink(record.link.target, record.source, names));
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
      if (record.target !== undefined) removeFromSet(this.incoming, record.target, record);
      if (target !== undefined) addToSet(this.incoming, target, record);
      record.target = target;
    }
    record.resolution = resolution;
    if (resolution.kind !== 'self' && resolution.kind !== 'placeholder' && resolution.ambiguous) this.ambiguous.add(record);
    else this.ambiguous.delete(record);
  }
}
