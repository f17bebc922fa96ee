// Which palette colour each group of the graph gets. Groups are numbered in the legend's order
// (by path), so a colour taken by number shifts every group after a folder that sorts first;
// here a group's colour follows its name: the slot its hash points at, the next free one on a
// collision, and a slot once given is kept: the extension keeps it beside the graph's positions
// (keptGraph.ts), so a group keeps its colour from one opening to the next.
import { textHash } from '../index/noteTexts';

/** How many colours the graph panel's palette has (media/src/graph/webview.ts): the slots the extension gives. */
export const GROUP_PALETTE_SIZE = 10;

/** A group's key: its legend name, case folded (`Papers/` and `papers/` are one group). */
export const groupKey = (name: string): string => name.toLowerCase();

/**
 * A palette slot (0 … slots-1) for each name, in the order given. Names in `kept` keep their slot;
 * the others, in the order of their hash (so the answer does not depend on the legend's order),
 * take the slot their hash points at or the next free one; once every slot is taken, names share.
 * `kept` is extended with the slots given, so a caller that keeps it keeps every colour while
 * groups come and go.
 */
export function groupSlots(names: readonly string[], slots: number, kept: Map<string, number> = new Map()): number[] {
  if (slots < 1) return names.map(() => 0);
  const keys = names.map(groupKey);
  const used = new Set<number>();
  for (const k of new Set(keys)) {
    const s = kept.get(k);
    if (s !== undefined && s < slots) used.add(s);
  }
  const fresh = [...new Set(keys.filter(k => !((kept.get(k) ?? slots) < slots)))]
    .map(k => ({ k, h: textHash(k) }))
    .sort((a, b) => a.h - b.h || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  for (const { k, h } of fresh) {
    const home = h % slots;
    let slot = home;
    for (let i = 0; i < slots; i++) {
      const s = (home + i) % slots;
      if (!used.has(s)) {
        slot = s;
        break;
      }
    }
    used.add(slot);
    kept.set(k, slot);
  }
  return keys.map(k => kept.get(k)!);
}
