// Which palette colour each group of the graph gets. Groups are numbered in the legend's order
// (by path), so a colour taken by number shifts every group after a folder that sorts first;
// here a group's colour follows its name: the slot its hash points at, the next free one on a
// collision, and a slot once given is kept: the extension keeps it beside the graph's positions
// (keptGraph.ts), so a group keeps its colour from one opening to the next.
// More groups than colours (a vault's first tags can be hundreds): the largest groups get the
// colours and the rest are drawn in one neutral colour, as "N more groups" in the legend; shared
// colours would say two unrelated tags are alike.
import { textHash } from '../index/noteTexts';
import type { GraphGroup } from './graphShapes';

/** How many colours the graph panel's palette has (media/src/graph/webview.ts): the slots the extension gives. */
export const GROUP_PALETTE_SIZE = 10;

/** A group's slot when it gets no palette colour: drawn in the neutral colour (or its own, a settings group's). */
export const NO_SLOT = -1;

/** A group's key: its legend name, case folded (`Papers/` and `papers/` are one group). */
export const groupKey = (name: string): string => name.toLowerCase();

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A palette slot (0 … slots-1) for each name, in the order given, or NO_SLOT. With no more names
 * than slots every name gets one; with more, only the `slots` largest by `sizes` (the nodes in
 * each group, in the order of `names`; ties by name) do, and the rest get NO_SLOT. Which groups
 * are coloured depends on the legend alone, never on what was kept, so the panel, the CLI's data
 * and the published site agree on it. Coloured names in `kept` keep their slot (two that kept one
 * slot: the larger keeps it); the others, in the order of their hash (so the answer does not
 * depend on the legend's order), take the slot their hash points at or the next free one. `kept`
 * is extended with the slots given, so a caller that keeps it keeps every colour while groups
 * come and go; a group that falls out of the largest keeps its entry, and gets its colour back
 * when it is among them again and its slot is still free.
 */
export function groupSlots(names: readonly string[], slots: number, kept: Map<string, number> = new Map(), sizes?: readonly number[]): number[] {
  if (slots < 1) return names.map(() => NO_SLOT);
  const keys = names.map(groupKey);
  const size = new Map<string, number>();
  keys.forEach((k, i) => size.set(k, (size.get(k) ?? 0) + (sizes?.[i] ?? 0)));
  // Largest first, ties by name: the order kept slots are claimed in, and the cut for colours.
  // Why by size alone, not keeping a once-coloured group coloured while it shrinks: the legend
  // then always shows the vault's largest groups in colour, the same in every host.
  const ranked = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || compare(a, b));
  const coloured = ranked.slice(0, slots);
  const used = new Set<number>();
  const given = new Map<string, number>();
  const fresh: { k: string; h: number }[] = [];
  for (const k of coloured) {
    const s = kept.get(k);
    if (s !== undefined && s < slots && !used.has(s)) {
      used.add(s);
      given.set(k, s);
    } else fresh.push({ k, h: textHash(k) });
  }
  fresh.sort((a, b) => a.h - b.h || compare(a.k, b.k));
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
    given.set(k, slot);
    kept.set(k, slot);
  }
  return keys.map(k => given.get(k) ?? NO_SLOT);
}

/**
 * The palette slot of each group of a legend (groupSlots, by the groups' sizes); a group with its
 * own colour (from the settings) takes none. Every caller goes through here: the extension, which
 * keeps the slots, and the pages that draw them.
 */
export function legendSlots(legend: readonly GraphGroup[], slots: number, kept?: Map<string, number>): number[] {
  const palette = legend.flatMap((g, i) => (g.color === undefined ? [i] : []));
  const given = groupSlots(palette.map(i => legend[i].name), slots, kept, palette.map(i => legend[i].count));
  const out = legend.map(() => NO_SLOT);
  palette.forEach((i, j) => (out[i] = given[j]));
  return out;
}
