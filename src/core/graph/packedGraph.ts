// The graph as it travels to a page: one array per field instead of an object per node and
// edge, each string once, edges as pairs of node numbers. At 10,000 notes and 85,000 edges this
// is about a tenth of the JSON of GraphData, and a page draws straight from it.
import { folderOf } from '../index/paths';
import type { GraphData, GraphEdgeKind, GraphGroup, GraphNode, GraphNodeType } from './graphShapes';

export const NODE_TYPES: readonly GraphNodeType[] = ['note', 'placeholder', 'attachment', 'tag'];
export const EDGE_KINDS: readonly GraphEdgeKind[] = ['link', 'embed', 'property', 'tag'];

export interface PackedGraph {
  /** Node ids in GraphData's order; every other per-node array follows it. */
  readonly ids: readonly string[];
  /** A node's title, or null where it is its id (most placeholders). */
  readonly titles: readonly (string | null)[];
  /** Index into NODE_TYPES. */
  readonly types: readonly number[];
  readonly groups: readonly number[];
  readonly inLinks: readonly number[];
  readonly outLinks: readonly number[];
  readonly weights: readonly number[];
  /** Four numbers per edge: source node, target node, index into EDGE_KINDS, count. */
  readonly edges: readonly number[];
  readonly legend: readonly GraphGroup[];
  readonly center?: string;
}

export function packGraph(data: GraphData): PackedGraph {
  const n = data.nodes.length;
  const ids = new Array<string>(n);
  const titles = new Array<string | null>(n);
  const types = new Array<number>(n);
  const groups = new Array<number>(n);
  const inLinks = new Array<number>(n);
  const outLinks = new Array<number>(n);
  const weights = new Array<number>(n);
  const at = new Map<string, number>();
  data.nodes.forEach((node, i) => {
    ids[i] = node.id;
    titles[i] = node.title === node.id ? null : node.title;
    types[i] = NODE_TYPES.indexOf(node.type);
    groups[i] = node.group;
    inLinks[i] = node.inLinks;
    outLinks[i] = node.outLinks;
    weights[i] = node.weight;
    at.set(node.id, i);
  });
  const edges = new Array<number>(4 * data.edges.length);
  data.edges.forEach((e, i) => {
    edges[4 * i] = at.get(e.source)!;
    edges[4 * i + 1] = at.get(e.target)!;
    edges[4 * i + 2] = EDGE_KINDS.indexOf(e.kind);
    edges[4 * i + 3] = e.count;
  });
  return { ids, titles, types, groups, inLinks, outLinks, weights, edges, legend: data.groups, ...(data.center !== undefined ? { center: data.center } : {}) };
}

/** One node of a packed graph as GraphData has it. */
export function packedNode(p: PackedGraph, i: number): GraphNode {
  const id = p.ids[i];
  const type = NODE_TYPES[p.types[i]] ?? 'note';
  return {
    id,
    type,
    title: p.titles[i] ?? id,
    folder: type === 'note' || type === 'attachment' ? folderOf(id) : '',
    group: p.groups[i],
    inLinks: p.inLinks[i],
    outLinks: p.outLinks[i],
    weight: p.weights[i],
  };
}

export function unpackGraph(p: PackedGraph): GraphData {
  const nodes = p.ids.map((_, i) => packedNode(p, i));
  const edges = [];
  for (let i = 0; i + 3 < p.edges.length; i += 4) {
    edges.push({ source: p.ids[p.edges[i]], target: p.ids[p.edges[i + 1]], kind: EDGE_KINDS[p.edges[i + 2]] ?? 'link', count: p.edges[i + 3] });
  }
  return { nodes, edges, groups: p.legend, ...(p.center !== undefined ? { center: p.center } : {}) };
}

/** Kept positions in the order of `ids`: x, y per node, NaN where a node has none (JSON carries it as null). */
export function alignPositions(ids: readonly string[], kept: Readonly<Record<string, readonly [number, number]>>): number[] {
  const out = new Array<number>(2 * ids.length);
  ids.forEach((id, i) => {
    const p = Object.prototype.hasOwnProperty.call(kept, id) ? kept[id] : undefined;
    out[2 * i] = p ? p[0] : NaN;
    out[2 * i + 1] = p ? p[1] : NaN;
  });
  return out;
}
