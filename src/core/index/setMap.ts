// A map from a key to a set of values. Most keys of the index hold one value (one note per
// file name, one target group per note), so a lone value is stored bare and becomes a Set
// only when a second one arrives: a Set per key would be most of the index's memory.

import { StringDict } from './stringDict';

const NONE: readonly never[] = [];

export class SetMap<T> {
  private readonly map = new StringDict<T | Set<T>>();

  add(key: string, value: T): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, value);
    else if (held instanceof Set) held.add(value);
    else if (held !== value) this.map.set(key, new Set<T>().add(held).add(value));
  }

  delete(key: string, value: T): void {
    const held = this.map.get(key);
    if (held === value) {
      this.map.delete(key);
    } else if (held instanceof Set) {
      held.delete(value);
      if (held.size === 1) this.map.set(key, held.values().next().value as T);
    }
  }

  /** The values under `key`, in insertion order (a fresh array: safe to hold while the map changes). */
  get(key: string): readonly T[] {
    const held = this.map.get(key);
    if (held === undefined) return NONE;
    return held instanceof Set ? [...held] : [held];
  }

  /** The sum of `f` over the values under `key`, with no array made (a hot path's read). */
  sum(key: string, f: (value: T) => number): number {
    const held = this.map.get(key);
    if (held === undefined) return 0;
    if (!(held instanceof Set)) return f(held);
    let n = 0;
    for (const v of held) n += f(v);
    return n;
  }

  count(key: string): number {
    const held = this.map.get(key);
    return held === undefined ? 0 : held instanceof Set ? held.size : 1;
  }

  keys(): Iterable<string> {
    return this.map.keys();
  }
}
