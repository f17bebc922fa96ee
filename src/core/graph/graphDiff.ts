// A change to the vault reaches an open graph as the difference between two pictures, so the
// webview moves only what changed and keeps every position (never a re-send, never a re-layout).
import type { GraphData, GraphEdge, GraphGroup, GraphNode } from './graphData';
import { groupKey } from './groupColors';
import { EDGE_KINDS, packedNode, packGraph, type PackedGraph } from './packedGraph';

export interface GraphDiff {
  /** Nodes new to the picture, and nodes whose title, group, links or weight changed. */
  readonly upsertNodes: readonly GraphNode[];
  readonly removeNodes: readonly string[];
  readonly upsertEdges: readonly GraphEdge[];
  /** `[source, target]` pairs. */
  readonly removeEdges: readonly (readonly [string, string])[];
  /**
   * Notes renamed or moved, `[from, to]`: `from` is among `removeNodes` and `to` among
   * `upsertNodes` (a page that knows no better drops one and adds the other); the page keeps
   * `from`'s place for `to`.
   */
  readonly renamed?: readonly (readonly [string, string])[];
  /** The legend, whole (a few entries), when it changed. */
  readonly groups?: readonly GraphGroup[];
  /**
   * The legend was renumbered (a group appeared, emptied, or its first note changed): the group
   * numbered `i` before is numbered `regroup[i]` now (-1: gone). Applied to every node before
   * `upsertNodes`, so a node whose number is all that changed is not sent.
   */
  readonly regroup?: readonly number[];
  readonly center?: string;
}

const edgeKey = (e: { source: string; target: string }) => `${e.source}\u0000${e.target}`;

/** Whether a node drawn as `a` needs no update to be drawn as `b`. */
export function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a.type === b.type && a.title === b.title && a.folder === b.folder && a.group === b.group && a.inLinks === b.inLinks && a.outLinks === b.outLinks && Math.abs(a.weight - b.weight) < 1e-9;
}

export function diffGraph(before: GraphData, after: GraphData): GraphDiff {
  return diffPackedGraphs(packGraph(before), packGraph(after));
}

/**
 * How the groups of legend `before` are numbered in legend `after`, matched by name (case folded,
 * as groups are): undefined when nothing moved, or when a legend names a group twice (user groups
 * may) and numbers are all there is to go by.
 */
export function regroupOf(before: readonly GraphGroup[], after: readonly GraphGroup[]): number[] | undefined {
  const at = new Map(after.map((g, i) => [groupKey(g.name), i]));
  if (at.size !== after.length || new Set(before.map(g => groupKey(g.name))).size !== before.length) return undefined;
  const regroup = before.map(g => at.get(groupKey(g.name)) ?? -1);
  return regroup.every((to, from) => to === from) ? undefined : regroup;
}

const renumbered = (group: number, regroup: readonly number[] | undefined) => (regroup && group >= 0 ? regroup[group] ?? -1 : group);

/** Whether node `i` of `a` is drawn as node `j` of `b` (sameNode, by column; a folder follows from id and type). */
function samePackedNode(a: PackedGraph, i: number, b: PackedGraph, j: number, regroup: readonly number[] | undefined): boolean {
  return (
    a.types[i] === b.types[j] &&
    (a.titles[i] ?? a.ids[i]) === (b.titles[j] ?? b.ids[j]) &&
    renumbered(a.groups[i], regroup) === b.groups[j] &&
    a.inLinks[i] === b.inLinks[j] &&
    a.outLinks[i] === b.outLinks[j] &&
    Math.abs(a.weights[i] - b.weights[j]) < 1e-9
  );
}

/**
 * The difference between two pictures as they travel, by node number. Both list nodes in id
 * order, so a node kept in both keeps its order, and both edge lists (by source, then target)
 * line up: one pass over each, no key per edge.
 */
export function diffPackedGraphs(before: PackedGraph, after: PackedGraph): GraphDiff {
  const regroup = regroupOf(before.legend, after.legend);
  const oldAt = new Map<string, number>();
  for (let i = 0; i < before.ids.length; i++) oldAt.set(before.ids[i], i);
  const newOf = new Int32Array(before.ids.length).fill(-1);
  const upsertNodes: GraphNode[] = [];
  for (let j = 0; j < after.ids.length; j++) {
    const i = oldAt.get(after.ids[j]);
    if (i !== undefined) newOf[i] = j;
    if (i === undefined || !samePackedNode(before, i, after, j, regroup)) upsertNodes.push(packedNode(after, j));
  }
  const removeNodes: string[] = [];
  for (let i = 0; i < before.ids.length; i++) if (newOf[i] < 0) removeNodes.push(before.ids[i]);

  const upsertEdges: GraphEdge[] = [];
  const removeEdges: (readonly [string, string])[] = [];
  const n = after.ids.length;
  const a = before.edges;
  const b = after.edges;
  const keyOf = (k: number) => newOf[a[k]] * n + newOf[a[k + 1]];
  const removeOld = (k: number) => removeEdges.push([before.ids[a[k]], before.ids[a[k + 1]]]);
  const upsertNew = (k: number) => upsertEdges.push({ source: after.ids[b[k]], target: after.ids[b[k + 1]], kind: EDGE_KINDS[b[k + 2]] ?? 'link', count: b[k + 3] });
  let k = 0;
  for (let l = 0; l < b.length; l += 4) {
    const key = b[l] * n + b[l + 1];
    // Old edges before this one (or with an end gone) are gone.
    while (k < a.length && (newOf[a[k]] < 0 || newOf[a[k + 1]] < 0 || keyOf(k) < key)) {
      removeOld(k);
      k += 4;
    }
    if (k < a.length && keyOf(k) === key) {
      if (a[k + 2] !== b[l + 2] || a[k + 3] !== b[l + 3]) upsertNew(l);
      k += 4;
    } else upsertNew(l);
  }
  for (; k < a.length; k += 4) removeOld(k);

  const groupsChanged = JSON.stringify(before.legend) !== JSON.stringify(after.legend);
  return {
    upsertNodes,
    removeNodes,
    upsertEdges,
    removeEdges,
    ...(groupsChanged ? { groups: after.legend } : {}),
    ...(regroup ? { regroup } : {}),
    ...(after.center !== undefined ? { center: after.center } : {}),
  };
}

/** `diff` with the renames (`from` -> `to`) it shows: each `from` removed and its `to` added. */
export function withRenames(diff: GraphDiff, renames: ReadonlyMap<string, string> | undefined): GraphDiff {
  if (!renames?.size) return diff;
  const added = new Set(diff.upsertNodes.map(n => n.id));
  const renamed = diff.removeNodes.flatMap(from => {
    const to = renames.get(from);
    return to !== undefined && added.has(to) ? [[from, to] as const] : [];
  });
  return renamed.length ? { ...diff, renamed } : diff;
}

export function isEmptyDiff(d: GraphDiff): boolean {
  return !d.upsertNodes.length && !d.removeNodes.length && !d.upsertEdges.length && !d.removeEdges.length && !d.groups;
}

/** `before` with the diff applied: what the webview holds after it (tests check it equals `after`). */
export function applyGraphDiff(before: GraphData, diff: GraphDiff): GraphData {
  const regroup = diff.regroup;
  const nodes = new Map(before.nodes.map(n => [n.id, regroup && n.group >= 0 ? { ...n, group: renumbered(n.group, regroup) } : n]));
  for (const id of diff.removeNodes) nodes.delete(id);
  for (const n of diff.upsertNodes) nodes.set(n.id, n);
  const edges = new Map(before.edges.map(e => [edgeKey(e), e]));
  for (const [s, t] of diff.removeEdges) edges.delete(edgeKey({ source: s, target: t }));
  for (const e of diff.upsertEdges) edges.set(edgeKey(e), e);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byEnds = (a: GraphEdge, b: GraphEdge) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
  return {
    nodes: [...nodes.values()].sort(byId),
    edges: [...edges.values()].sort(byEnds),
    groups: diff.groups ?? before.groups,
    ...(diff.center !== undefined ? { center: diff.center } : {}),
  };
}
