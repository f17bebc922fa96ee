// The graph the panel draws, `marginalia graph --json` prints and `marginalia publish` puts on its
// graph page: nodes and edges from the index, with the toggles, filter, local neighbourhood and
// groups applied. Pure: the same options give the same data in every host.
import { folderOf, fileNameOf } from '../index/paths';
import type { NoteQueries, TagNode } from '../index/types';
import { matchesQuery, parseQuery } from './query';
import { pageRank } from './pageRank';

export type GraphNodeType = 'note' | 'placeholder' | 'attachment' | 'tag';
/** `embed`: `![[x]]`; `property`: a link in frontmatter (`related: "[[x]]"`); `tag`: a note to one of its tags. */
export type GraphEdgeKind = 'link' | 'embed' | 'property' | 'tag';
export type GraphGroupBy = 'folder' | 'tag' | 'none';
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
  /** Colour by top-level folder (default), first tag, or not; `groups` (user queries) win over it. */
  readonly groupBy?: GraphGroupBy;
  readonly groups?: readonly GraphGroupSpec[];
  readonly sizeBy?: GraphSizeBy;
}

export interface GraphNode {
  /** A note's or attachment's path; a placeholder's name (`bitter-lesson`); a tag as `#ml/rl`. */
  readonly id: string;
  readonly type: GraphNodeType;
  readonly title: string;
  /** The folder of a note or attachment (`''` at the root and for placeholders and tags). */
  readonly folder: string;
  /** Index into `GraphData.groups`, or -1. */
  readonly group: number;
  /** Links from other nodes of the picture (edge counts summed). */
  readonly inLinks: number;
  readonly outLinks: number;
  /** What the node's size reflects: links in and out, or PageRank scaled so the mean is 1. */
  readonly weight: number;
}

export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: GraphEdgeKind;
  /** How many links make this edge. */
  readonly count: number;
}

export interface GraphGroup {
  readonly name: string;
  readonly color?: string;
  /** Nodes of the picture in this group. */
  readonly count: number;
}

export interface GraphData {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
  /** The local graph's note, when there is one in the vault. */
  readonly center?: string;
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
  const filter = options.filter?.trim() ? parseQuery(options.filter) : undefined;
  const userGroups = (options.groups ?? []).map(g => ({ spec: g, query: parseQuery(g.query) }));
  const tagsOf = needsTags(options) ? noteTags(index) : new Map<string, string[]>();
  const drafts = new Map<string, Draft>();
  // Edges by source, then target: no string key built per link (the 10,000-note vault has 90,000).
  const bySource = new Map<string, Map<string, { source: string; target: string; kind: GraphEdgeKind; count: number }>>();
  const edgeList: { source: string; target: string; kind: GraphEdgeKind; count: number }[] = [];
  const addEdge = (source: string, target: string, kind: GraphEdgeKind) => {
    let targets = bySource.get(source);
    if (!targets) bySource.set(source, (targets = new Map()));
    const e = targets.get(target);
    if (e) e.count++;
    else {
      const edge = { source, target, kind, count: 1 };
      targets.set(target, edge);
      edgeList.push(edge);
    }
  };

  for (const n of index.notes()) {
    drafts.set(n.path, { id: n.path, type: 'note', title: n.title, folder: folderOf(n.path), tags: tagsOf.get(n.path) ?? [] });
  }
  for (const n of index.notes()) {
    eachLinkEnd(index, n.path, options, (target, kind, type) => {
      if (type !== 'note' && !drafts.has(target)) drafts.set(target, otherDraft(target, type));
      addEdge(n.path, target, kind);
    });
  }
  if (options.placeholders) {
    for (const p of index.placeholders()) {
      const d = drafts.get(p.name);
      if (d && d.type === 'placeholder') d.title = p.display;
    }
  }

  // The filter picks notes (and placeholders and attachments by their name); tags follow their notes.
  let kept = new Set<string>();
  for (const d of drafts.values()) {
    if (!filter || matchesQuery(filter, { path: d.id, title: d.title, tags: d.tags })) kept.add(d.id);
  }
  if (options.tags) {
    for (const d of [...drafts.values()]) {
      if (d.type !== 'note' || !kept.has(d.id)) continue;
      for (const tag of d.tags) {
        const id = `#${tag.toLowerCase()}`;
        if (!drafts.has(id)) drafts.set(id, { id, type: 'tag', title: `#${tag}`, folder: '', tags: [tag] });
        kept.add(id);
        addEdge(d.id, id, 'tag');
      }
    }
  }

  let center: string | undefined;
  if (options.local) {
    center = drafts.get(options.local.path)?.type === 'note' ? options.local.path : undefined;
    kept = center === undefined ? new Set() : neighbourhood(center, Math.max(0, options.local.depth), edgeList, kept);
  }

  const inPicture = edgeList.filter(e => kept.has(e.source) && kept.has(e.target));
  if (options.orphans === false) {
    const linked = new Set<string>();
    for (const e of inPicture) linked.add(e.source).add(e.target);
    for (const id of [...kept]) if (!linked.has(id) && id !== center) kept.delete(id);
  }

  const ids = [...kept].sort(compare);
  const inLinks = new Map<string, number>();
  const outLinks = new Map<string, number>();
  for (const e of inPicture) {
    outLinks.set(e.source, (outLinks.get(e.source) ?? 0) + e.count);
    inLinks.set(e.target, (inLinks.get(e.target) ?? 0) + e.count);
  }
  const ranks = options.sizeBy === 'pagerank' ? pageRank(ids, inPicture) : undefined;

  const groupNames: string[] = [];
  const groupIndex = new Map<string, number>();
  const groupOf = (d: Draft): number => {
    if (userGroups.length) {
      if (d.type === 'tag') return -1;
      return userGroups.findIndex(g => matchesQuery(g.query, { path: d.id, title: d.title, tags: d.tags }));
    }
    const name = groupNameOf(d, options.groupBy ?? 'folder');
    if (name === undefined) return -1;
    const key = name.toLowerCase();
    let i = groupIndex.get(key);
    if (i === undefined) {
      i = groupNames.length;
      groupNames.push(name);
      groupIndex.set(key, i);
    }
    return i;
  };

  const nodes: GraphNode[] = ids.map(id => {
    const d = drafts.get(id)!;
    const i = inLinks.get(id) ?? 0;
    const o = outLinks.get(id) ?? 0;
    return { id, type: d.type, title: d.title, folder: d.folder, group: groupOf(d), inLinks: i, outLinks: o, weight: ranks ? ranks.get(id)! : i + o };
  });
  const counts = new Map<number, number>();
  for (const n of nodes) counts.set(n.group, (counts.get(n.group) ?? 0) + 1);
  const groups: GraphGroup[] = userGroups.length
    ? userGroups.map((g, i) => ({ name: g.spec.name ?? g.spec.query, ...(g.spec.color ? { color: g.spec.color } : {}), count: counts.get(i) ?? 0 }))
    : groupNames.map((name, i) => ({ name, count: counts.get(i) ?? 0 }));

  // By source then target, as the sorted ids rank them (numbers compare faster than paths).
  const rank = new Map<string, number>();
  ids.forEach((id, i) => rank.set(id, i));
  const keyed = inPicture.map(e => ({ e, key: rank.get(e.source)! * ids.length + rank.get(e.target)! }));
  keyed.sort((a, b) => a.key - b.key);
  inPicture.length = 0;
  for (const k of keyed) inPicture.push(k.e);
  return { nodes, edges: inPicture.map(e => ({ ...e })), groups, ...(center !== undefined ? { center } : {}) };
}

/** The legend's name of a node's group by folder or first tag; undefined when it has none. */
export function groupNameOf(d: Draft, by: GraphGroupBy): string | undefined {
  if (by === 'none' || d.type === 'tag' || d.type === 'placeholder') return undefined;
  const name = by === 'folder' ? (d.folder === '' ? '/' : d.folder.split('/')[0] + '/') : d.tags.length ? `#${d.tags[0]}` : '';
  return name === '' ? undefined : name;
}

/** Whether the picture depends on notes' tags (tag nodes, colour by tag, a query that may name a tag). */
export function needsTags(options: GraphOptions): boolean {
  return !!(options.tags || options.groupBy === 'tag' || options.groups?.length || options.filter?.trim());
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
  for (const r of index.linkEnds(path)) {
    const res = r.resolution;
    let target: string;
    let type: 'note' | 'attachment' | 'placeholder';
    if (res.kind === 'note') {
      target = res.path;
      type = 'note';
    } else if (res.kind === 'attachment') {
      if (!options.attachments) continue;
      target = res.path;
      type = 'attachment';
    } else if (res.kind === 'placeholder') {
      if (!options.placeholders) continue;
      target = res.name;
      type = 'placeholder';
    } else continue;
    if (target === path) continue;
    each(target, r.property !== undefined ? 'property' : r.kind === 'embed' ? 'embed' : 'link', type);
  }
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

/** Breadth-first over edges in both directions, only through nodes in `allowed`. */
function neighbourhood(center: string, depth: number, edges: Iterable<{ source: string; target: string }>, allowed: ReadonlySet<string>): Set<string> {
  const near = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    let list = near.get(a);
    if (!list) near.set(a, (list = []));
    list.push(b);
  };
  for (const e of edges) {
    if (!allowed.has(e.source) || !allowed.has(e.target)) continue;
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const seen = new Set([center]);
  let frontier = [center];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) for (const n of near.get(id) ?? []) if (!seen.has(n)) {
      seen.add(n);
      next.push(n);
    }
    frontier = next;
  }
  return seen;
}
