// The graph the panel draws, `marginalia graph --json` prints and `marginalia publish` puts on its
// graph page: nodes and edges from the index, with the toggles, filter, local neighbourhood and
// groups applied. Pure: the same options give the same data in every host.
import { folderOf, fileNameOf } from '../index/paths';
import { readsLinkEnds, type LinkEnd, type NoteQueries, type Resolution, type TagNode } from '../index/types';
import { matchesQuery, parseQuery } from './query';
import { pageRank } from './pageRank';
import { EDGE_KINDS, NODE_TYPES, unpackGraph, type PackedGraph } from './packedGraph';
import type { GraphData, GraphEdgeKind, GraphGroup, GraphNodeType } from './graphShapes';

export type { GraphData, GraphEdge, GraphEdgeKind, GraphGroup, GraphNode, GraphNodeType } from './graphShapes';

/** `topTag`: the first tag's top level (`#math/algebra` is in `#math`), as `folder` is the top-level folder. */
export type GraphGroupBy = 'folder' | 'tag' | 'topTag' | 'none';
export type GraphSizeBy = 'links' | 'pagerank';

export interface GraphGroupSpec {
  /** The legend's label; the query's text when not given. */
  readonly name?: string;
  readonly query: string;
  /** A CSS colour; the renderer picks from its palette when not given. */
  readonly color?: string;
}

export interface GraphOptions {
  /** The note and its neighbours up to `depth` links away, in either direction (1-3 in the panel). */
  readonly local?: { readonly path: string; readonly depth: number };
  /** Notes not written yet (placeholders). */
  readonly placeholders?: boolean;
  /** Tags as their own nodes, joined to the notes that carry them. */
  readonly tags?: boolean;
  /** Attachments that notes link to. */
  readonly attachments?: boolean;
  /** Nodes with no edge in the picture; default true. */
  readonly orphans?: boolean;
  /** Only notes matching this query (and the nodes they reach); see query.ts. */
  readonly filter?: string;
  /** Colour by top-level folder (default), first tag, its top level, or not; `groups` (user queries) win over it. */
  readonly groupBy?: GraphGroupBy;
  readonly groups?: readonly GraphGroupSpec[];
  readonly sizeBy?: GraphSizeBy;
}

export interface Draft {
  id: string;
  type: GraphNodeType;
  title: string;
  folder: string;
  tags: readonly string[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Throws QueryError (query.ts) when `filter` or a group's query cannot be read. */
export function buildGraphData(index: NoteQueries, options: GraphOptions = {}): GraphData {
  return unpackGraph(buildPackedGraph(index, options));
}

const NOTE = NODE_TYPES.indexOf('note');
const PLACEHOLDER = NODE_TYPES.indexOf('placeholder');
const TAG = NODE_TYPES.indexOf('tag');
const TAG_EDGE = EDGE_KINDS.indexOf('tag');
const KIND = { link: EDGE_KINDS.indexOf('link'), embed: EDGE_KINDS.indexOf('embed'), property: EDGE_KINDS.indexOf('property'), tag: TAG_EDGE };

function grown(a: Int32Array<ArrayBuffer>, size: number, fill = 0): Int32Array<ArrayBuffer> {
  if (size <= a.length) return a;
  const next = new Int32Array(Math.max(size, 2 * a.length)).fill(fill);
  next.set(a);
  return next;
}

/**
 * The picture as it travels to a page (packedGraph.ts), built from the index's link ends by
 * node number: no object per node or edge on the way, strings looked up once per link end.
 * `buildGraphData` is this, unpacked: the CLI, the site and the panel draw one picture.
 */
export function buildPackedGraph(index: NoteQueries, options: GraphOptions = {}): PackedGraph {
  const filter = options.filter?.trim() ? parseQuery(options.filter) : undefined;
  const userGroups = (options.groups ?? []).map(g => ({ spec: g, query: parseQuery(g.query) }));
  const tagsOf = needsTags(options) ? noteTags(index) : undefined;
  const noTags: readonly string[] = [];

  // Nodes by number: the notes, then what links reach (attachments, placeholders), then tags.
  const ids: string[] = [];
  const types: number[] = [];
  const titles: string[] = [];
  const at = new Map<string, number>();
  for (const n of index.notes()) {
    at.set(n.path, ids.length);
    ids.push(n.path);
    types.push(NOTE);
    titles.push(n.title);
  }
  const noteCount = ids.length;

  // Edges as columns; a note's links are read together, so "this source already has an edge to
  // that target" is one number per target (`mark`), not a key per pair.
  let src = new Int32Array(1024);
  let dst = new Int32Array(1024);
  let kinds = new Int32Array(1024);
  let counts = new Int32Array(1024);
  let edgeCount = 0;
  let mark = new Int32Array(Math.max(16, noteCount)).fill(-1);
  let slotOf = new Int32Array(mark.length);
  const addEdge = (s: number, t: number, kind: number) => {
    if (t >= mark.length) {
      mark = grown(mark, t + 1, -1);
      slotOf = grown(slotOf, mark.length);
    }
    if (mark[t] === s) {
      counts[slotOf[t]]++;
      return;
    }
    if (edgeCount === src.length) {
      src = grown(src, edgeCount + 1);
      dst = grown(dst, edgeCount + 1);
      kinds = grown(kinds, edgeCount + 1);
      counts = grown(counts, edgeCount + 1);
    }
    mark[t] = s;
    slotOf[t] = edgeCount;
    src[edgeCount] = s;
    dst[edgeCount] = t;
    kinds[edgeCount] = kind;
    counts[edgeCount++] = 1;
  };
  const nodeOf = (id: string, type: number, title: string): number => {
    let i = at.get(id);
    if (i === undefined) {
      i = ids.length;
      at.set(id, i);
      ids.push(id);
      types.push(type);
      titles.push(title);
    }
    return i;
  };

  for (let s = 0; s < noteCount; s++) {
    eachLinkEnd(index, ids[s], options, (target, kind, type) => {
      let t = at.get(target);
      if (t === undefined && type !== 'note') {
        const d = otherDraft(target, type);
        t = nodeOf(target, NODE_TYPES.indexOf(d.type), d.title);
      }
      // A note outside `notes()` (a view that leaves it out) is not in the picture.
      if (t !== undefined) addEdge(s, t, KIND[kind]);
    });
  }
  if (options.placeholders) {
    for (const p of index.placeholders()) {
      const i = at.get(p.name);
      if (i !== undefined && types[i] === PLACEHOLDER) titles[i] = p.display;
    }
  }

  const tagsAt = (i: number): readonly string[] => (types[i] === NOTE ? tagsOf?.get(ids[i]) ?? noTags : types[i] === TAG ? [titles[i].slice(1)] : noTags);
  // The filter picks notes (and placeholders and attachments by their name); tags follow their notes.
  let kept = new Uint8Array(ids.length + 64);
  for (let i = 0; i < ids.length; i++) kept[i] = !filter || matchesQuery(filter, { path: ids[i], title: titles[i], tags: tagsAt(i) }) ? 1 : 0;
  if (options.tags) {
    for (let s = 0; s < noteCount; s++) {
      if (!kept[s]) continue;
      for (const tag of tagsAt(s)) {
        const t = nodeOf(`#${tag.toLowerCase()}`, TAG, `#${tag}`);
        if (t >= kept.length) kept = growBytes(kept, t + 1);
        kept[t] = 1;
        addEdge(s, t, TAG_EDGE);
      }
    }
  }
  const total = ids.length;
  if (kept.length < total) kept = growBytes(kept, total);

  let center: number | undefined;
  if (options.local) {
    const c = at.get(options.local.path);
    center = c !== undefined && types[c] === NOTE ? c : undefined;
    kept = center === undefined ? new Uint8Array(total) : neighbourhood(center, Math.max(0, options.local.depth), total, src, dst, edgeCount, kept);
  }

  // Edges of the picture: both ends kept.
  const inPicture = new Int32Array(edgeCount);
  let m = 0;
  for (let e = 0; e < edgeCount; e++) if (kept[src[e]] && kept[dst[e]]) inPicture[m++] = e;
  if (options.orphans === false) {
    const linked = new Uint8Array(total);
    for (let k = 0; k < m; k++) linked[src[inPicture[k]]] = linked[dst[inPicture[k]]] = 1;
    for (let i = 0; i < total; i++) if (kept[i] && !linked[i] && i !== center) kept[i] = 0;
  }

  // Nodes in id order; `rank` numbers them so.
  const order: number[] = [];
  for (let i = 0; i < total; i++) if (kept[i]) order.push(i);
  order.sort((a, b) => compare(ids[a], ids[b]));
  const n = order.length;
  const rank = new Int32Array(total).fill(-1);
  for (let r = 0; r < n; r++) rank[order[r]] = r;

  // Edges by source, then target, as the ranks order them: a counting sort by source, then each
  // source's few targets sorted in place.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) start[rank[src[inPicture[k]]] + 1]++;
  for (let r = 0; r < n; r++) start[r + 1] += start[r];
  const fill = start.slice(0, n);
  const sorted = new Int32Array(m);
  for (let k = 0; k < m; k++) sorted[fill[rank[src[inPicture[k]]]]++] = inPicture[k];
  for (let r = 0; r < n; r++) sortByTarget(sorted, start[r], start[r + 1], rank, dst);

  // Plain arrays (the message is JSON), filled first so V8 keeps them packed small integers.
  const edges = new Array<number>(4 * m).fill(0);
  const inLinks = new Array<number>(n).fill(0);
  const outLinks = new Array<number>(n).fill(0);
  const pairSource = new Int32Array(m);
  const pairTarget = new Int32Array(m);
  const pairCount = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const e = sorted[k];
    const s = rank[src[e]];
    const t = rank[dst[e]];
    edges[4 * k] = pairSource[k] = s;
    edges[4 * k + 1] = pairTarget[k] = t;
    edges[4 * k + 2] = kinds[e];
    edges[4 * k + 3] = pairCount[k] = counts[e];
    outLinks[s] += counts[e];
    inLinks[t] += counts[e];
  }
  const ranks = options.sizeBy === 'pagerank' ? pageRank(n, pairSource, pairTarget, pairCount) : undefined;

  // Colour groups, numbered as their first node sorts.
  const groupNames: string[] = [];
  const groupIndex = new Map<string, number>();
  const draft = { type: 'note' as GraphNodeType, folder: '', tags: noTags };
  const groupOf = (i: number): number => {
    const type = NODE_TYPES[types[i]];
    if (userGroups.length) {
      if (type === 'tag') return -1;
      const about = { path: ids[i], title: titles[i], tags: tagsAt(i) };
      return userGroups.findIndex(g => matchesQuery(g.query, about));
    }
    draft.type = type;
    draft.folder = type === 'note' || type === 'attachment' ? folderOf(ids[i]) : '';
    draft.tags = tagsAt(i);
    const name = groupNameOf(draft, options.groupBy ?? 'folder');
    if (name === undefined) return -1;
    const key = name.toLowerCase();
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groupNames.length;
      groupNames.push(name);
      groupIndex.set(key, g);
    }
    return g;
  };

  const outIds = new Array<string>(n);
  const outTitles = new Array<string | null>(n);
  const outTypes = new Array<number>(n);
  const groups = new Array<number>(n);
  const weights = new Array<number>(n);
  const groupCounts = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    const i = order[r];
    outIds[r] = ids[i];
    outTitles[r] = titles[i] === ids[i] ? null : titles[i];
    outTypes[r] = types[i];
    const g = (groups[r] = groupOf(i));
    groupCounts.set(g, (groupCounts.get(g) ?? 0) + 1);
    weights[r] = ranks ? ranks[r] : inLinks[r] + outLinks[r];
  }
  const legend: GraphGroup[] = userGroups.length
    ? userGroups.map((g, i) => ({ name: g.spec.name ?? g.spec.query, ...(g.spec.color ? { color: g.spec.color } : {}), count: groupCounts.get(i) ?? 0 }))
    : groupNames.map((name, i) => ({ name, count: groupCounts.get(i) ?? 0 }));
  return { ids: outIds, titles: outTitles, types: outTypes, groups, inLinks, outLinks, weights, edges, legend, ...(center !== undefined ? { center: ids[center] } : {}) };
}

/** Sorts `edges[from..to)` by their targets' rank: insertion sort for a note's few links, the built-in sort for a hub's many. */
function sortByTarget(edges: Int32Array, from: number, to: number, rank: Int32Array, dst: Int32Array): void {
  if (to - from > 32) {
    edges.set(Array.from(edges.subarray(from, to)).sort((a, b) => rank[dst[a]] - rank[dst[b]]), from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const e = edges[i];
    const key = rank[dst[e]];
    let j = i - 1;
    while (j >= from && rank[dst[edges[j]]] > key) {
      edges[j + 1] = edges[j];
      j--;
    }
    edges[j + 1] = e;
  }
}

function growBytes(a: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(size, 2 * a.length));
  next.set(a);
  return next;
}

/** The legend's name of a node's group by folder, first tag or its top level; undefined when it has none. */
export function groupNameOf(d: Pick<Draft, 'type' | 'folder' | 'tags'>, by: GraphGroupBy): string | undefined {
  if (by === 'none' || d.type === 'tag' || d.type === 'placeholder') return undefined;
  if (by === 'folder') return d.folder === '' ? '/' : d.folder.split('/')[0] + '/';
  if (!d.tags.length) return undefined;
  return `#${by === 'topTag' ? d.tags[0].split('/')[0] : d.tags[0]}`;
}

/** Whether the picture depends on notes' tags (tag nodes, colour by tag, a query that may name a tag). */
export function needsTags(options: GraphOptions): boolean {
  return !!(options.tags || options.groupBy === 'tag' || options.groupBy === 'topTag' || options.groups?.length || options.filter?.trim());
}

/** A node that is not a note, as a link first reaches it (a placeholder's title is its name until `placeholders()` gives its display). */
export function otherDraft(id: string, type: 'attachment' | 'placeholder'): Draft {
  return type === 'attachment' ? { id, type, title: fileNameOf(id), folder: folderOf(id), tags: [] } : { id, type, title: id, folder: '', tags: [] };
}

/**
 * The ends in the picture of one note's links, by the picture's rule (links to itself, to
 * nothing, and to attachments or placeholders when those are off are left out): every
 * caller that turns a note's links into edges goes through here.
 */
export function eachLinkEnd(index: NoteQueries, path: string, options: GraphOptions, each: (target: string, kind: GraphEdgeKind, type: 'note' | 'attachment' | 'placeholder') => void): void {
  const end = (kind: LinkEnd['kind'], property: string | undefined, res: Resolution) => {
    let target: string;
    let type: 'note' | 'attachment' | 'placeholder';
    if (res.kind === 'note') {
      target = res.path;
      type = 'note';
    } else if (res.kind === 'attachment') {
      if (!options.attachments) return;
      target = res.path;
      type = 'attachment';
    } else if (res.kind === 'placeholder') {
      if (!options.placeholders) return;
      target = res.name;
      type = 'placeholder';
    } else return;
    if (target === path) return;
    each(target, property !== undefined ? 'property' : kind === 'embed' ? 'embed' : 'link', type);
  };
  if (readsLinkEnds(index)) index.eachLinkEnd(path, end);
  else for (const r of index.linkEnds(path)) end(r.kind, r.property, r.resolution);
}

/** Each note's tags without `#` (first casing seen), in text order, from the index's tag table (no note is rescanned). */
export function noteTags(index: NoteQueries): Map<string, string[]> {
  const found = new Map<string, { name: string; at: number }[]>();
  const walk = (nodes: readonly TagNode[]) => {
    for (const t of nodes) {
      for (const o of index.notesWithTag(t.name, { nested: false })) {
        let list = found.get(o.path);
        if (!list) found.set(o.path, (list = []));
        if (!list.some(x => x.name.toLowerCase() === t.name.toLowerCase())) list.push({ name: t.name, at: o.tag.range.startOffset });
        else {
          const x = list.find(y => y.name.toLowerCase() === t.name.toLowerCase())!;
          x.at = Math.min(x.at, o.tag.range.startOffset);
        }
      }
      walk(t.children);
    }
  };
  walk(index.tagTree());
  const out = new Map<string, string[]>();
  for (const [path, list] of found) out.set(path, list.sort((a, b) => a.at - b.at).map(x => x.name));
  return out;
}

/** Breadth-first over edges in both directions, only through nodes in `allowed`: the nodes reached, as flags. */
function neighbourhood(center: number, depth: number, total: number, src: Int32Array, dst: Int32Array, edgeCount: number, allowed: Uint8Array): Uint8Array<ArrayBuffer> {
  // Neighbours of each node in one array (counted, then placed).
  const start = new Int32Array(total + 1);
  for (let e = 0; e < edgeCount; e++) {
    if (!allowed[src[e]] || !allowed[dst[e]]) continue;
    start[src[e] + 1]++;
    start[dst[e] + 1]++;
  }
  for (let i = 0; i < total; i++) start[i + 1] += start[i];
  const fill = start.slice(0, total);
  const near = new Int32Array(start[total]);
  for (let e = 0; e < edgeCount; e++) {
    if (!allowed[src[e]] || !allowed[dst[e]]) continue;
    near[fill[src[e]]++] = dst[e];
    near[fill[dst[e]]++] = src[e];
  }
  const seen = new Uint8Array(total);
  seen[center] = 1;
  let frontier = [center];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (let k = start[id]; k < start[id + 1]; k++) {
        const other = near[k];
        if (!seen[other]) {
          seen[other] = 1;
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
