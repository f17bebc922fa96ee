// A change to the vault reaches an open graph as the difference between two pictures, so the
// webview moves only what changed and keeps every position (never a re-send, never a re-layout).
import type { GraphData, GraphEdge, GraphGroup, GraphNode } from './graphData';

export interface GraphDiff {
  /** Nodes new to the picture, and nodes whose title, group, links or weight changed. */
  readonly upsertNodes: readonly GraphNode[];
  readonly removeNodes: readonly string[];
  readonly upsertEdges: readonly GraphEdge[];
  /** `[source, target]` pairs. */
  readonly removeEdges: readonly (readonly [string, string])[];
  /** The legend, whole (a few entries), when it changed. */
  readonly groups?: readonly GraphGroup[];
  readonly center?: string;
}

const edgeKey = (e: { source: string; target: string }) => `${e.source}\u0000${e.target}`;

/** Whether a node drawn as `a` needs no update to be drawn as `b`. */
export function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a.type === b.type && a.title === b.title && a.folder === b.folder && a.group === b.group && a.inLinks === b.inLinks && a.outLinks === b.outLinks && Math.abs(a.weight - b.weight) < 1e-9;
}

export function diffGraph(before: GraphData, after: GraphData): GraphDiff {
  const old = new Map(before.nodes.map(n => [n.id, n]));
  const upsertNodes = after.nodes.filter(n => {
    const o = old.get(n.id);
    return !o || !sameNode(o, n);
  });
  const now = new Set(after.nodes.map(n => n.id));
  const removeNodes = before.nodes.filter(n => !now.has(n.id)).map(n => n.id);
  const oldEdges = new Map(before.edges.map(e => [edgeKey(e), e]));
  const upsertEdges = after.edges.filter(e => {
    const o = oldEdges.get(edgeKey(e));
    return !o || o.kind !== e.kind || o.count !== e.count;
  });
  const nowEdges = new Set(after.edges.map(edgeKey));
  const removeEdges = before.edges.filter(e => !nowEdges.has(edgeKey(e))).map(e => [e.source, e.target] as const);
  const groupsChanged = JSON.stringify(before.groups) !== JSON.stringify(after.groups);
  return {
    upsertNodes,
    removeNodes,
    upsertEdges,
    removeEdges,
    ...(groupsChanged ? { groups: after.groups } : {}),
    ...(after.center !== undefined ? { center: after.center } : {}),
  };
}

export function isEmptyDiff(d: GraphDiff): boolean {
  return !d.upsertNodes.length && !d.removeNodes.length && !d.upsertEdges.length && !d.removeEdges.length && !d.groups;
}

/** `before` with the diff applied: what the webview holds after it (tests check it equals `after`). */
export function applyGraphDiff(before: GraphData, diff: GraphDiff): GraphData {
  const nodes = new Map(before.nodes.map(n => [n.id, n]));
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
