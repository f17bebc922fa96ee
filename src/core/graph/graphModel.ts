// An open graph's picture, kept up to date from the index by the notes that changed: an edit
// to one note recomputes that note's edges and the nodes they touch, and gives the diff the
// page applies, in time proportional to the note, not the vault. A note created or deleted, and
// a colour group appearing or emptying, are small steps too (the legend is renumbered and the
// diff says how: `regroup`, no node re-sent for its new number). Anything the small step cannot
// follow exactly (a title or alias changed, many notes at once, a filter, a local graph,
// PageRank, orphans hidden) is a whole rebuild and a diff of the two pictures: the result is
// always what buildGraphData gives (a unit test checks it).
//
// A whole build is the packed picture (buildPackedGraph), sent as it is; the objects the small
// step works on (a node object per node, an edge map per note and its reverse) are made from it
// only when a step first needs them, or in slices after the picture is sent (`prepareUntil`), so
// opening the graph does not pay for them in one long task (a collection inside a slice still can:
// docs/performance.md).
import { folderOf } from '../index/paths';
import type { TimeSlices } from '../index/timeSlices';
import type { NoteInfo, NoteQueries } from '../index/types';
import { buildPackedGraph, eachLinkEnd, groupNameOf, needsTags, noteTags, otherDraft, type Draft, type GraphData, type GraphEdge, type GraphEdgeKind, type GraphGroup, type GraphNode, type GraphOptions } from './graphData';
import { diffPackedGraphs, sameNode, withRenames, type GraphDiff } from './graphDiff';
import { groupKey } from './groupColors';
import { EDGE_KINDS, packedNode, packGraph, unpackGraph, type PackedGraph } from './packedGraph';
import { matchesQuery, parseQuery, type Query } from './query';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Notes created and deleted at once past which one rebuild is cheaper than the small step. */
const MAX_STEP_NOTES = 32;
const sameTags = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).length === (b ?? []).length && (a ?? []).every((t, i) => t === b![i]);

interface Planned {
  readonly path: string;
  /** Undefined for a deleted note. */
  readonly draft: Draft | undefined;
  readonly edges: Map<string, { kind: GraphEdgeKind; count: number; type: 'note' | 'attachment' | 'placeholder' | 'tag' }>;
}

export class GraphModel {
  /** The picture as it travels; undefined after a small step changed it, until asked for again. */
  private packed: PackedGraph | undefined;
  /** The picture as objects, made when asked. */
  private picture: GraphData | undefined;
  /** Node number by id in `packed`, made when asked (`node` before any step). */
  private packedAt: Map<string, number> | undefined;
  /** How the last update went: the small step, or a whole rebuild and a diff of two pictures (tests, bench). */
  lastUpdate: 'step' | 'rebuild' | undefined;
  /** Whether the small step's objects below hold the picture. */
  private prepared = false;
  /** How far they are made: packed nodes, then packed edges, by number. */
  private preparedUpTo = 0;
  private readonly nodes = new Map<string, GraphNode>();
  private readonly out = new Map<string, Map<string, GraphEdge>>();
  /** The sources of the edges into each node: a deleted note's linkers, and a node that is not a note leaves the picture at none. */
  private readonly inn = new Map<string, string[]>();
  private readonly seen = new Map<string, NoteInfo>();
  private readonly attachmentSet = new Set<string>();
  private tagsOf = new Map<string, string[]>();
  private groupKeys = new Map<string, number>();
  private groupCounts: number[] = [];
  private shownLegend: readonly GraphGroup[] = [];
  private readonly stepwise: boolean;
  private readonly userGroups: { spec: NonNullable<GraphOptions['groups']>[number]; query: Query }[];

  /** Throws QueryError (query.ts) when the filter or a group's query cannot be read. */
  constructor(private readonly index: NoteQueries, readonly options: GraphOptions) {
    this.stepwise = !options.local && !options.filter?.trim() && options.sizeBy !== 'pagerank' && options.orphans !== false;
    this.userGroups = (options.groups ?? []).map(spec => ({ spec, query: parseQuery(spec.query) }));
    this.rebuild();
  }

  /** The picture, as buildGraphData gives it. */
  data(): GraphData {
    if (this.picture) return this.picture;
    if (this.packed) return (this.picture = unpackGraph(this.packed));
    // Changed by small steps: from the step's objects.
    const nodes = [...this.nodes.values()].sort((a, b) => compare(a.id, b.id));
    const rank = new Map<string, number>();
    nodes.forEach((n, i) => rank.set(n.id, i));
    const keyed: { e: GraphEdge; key: number }[] = [];
    for (const targets of this.out.values()) for (const e of targets.values()) keyed.push({ e, key: rank.get(e.source)! * nodes.length + rank.get(e.target)! });
    keyed.sort((a, b) => a.key - b.key);
    return (this.picture = { nodes, edges: keyed.map(k => k.e), groups: this.legend() });
  }

  /** The picture as it travels to a page (packedGraph.ts): a whole build's, as built. */
  packedData(): PackedGraph {
    return (this.packed ??= packGraph(this.data()));
  }

  node(id: string): GraphNode | undefined {
    if (this.prepared) return this.nodes.get(id);
    const packed = this.packedData();
    if (!this.packedAt) {
      this.packedAt = new Map();
      packed.ids.forEach((x, i) => this.packedAt!.set(x, i));
    }
    const i = this.packedAt.get(id);
    return i === undefined ? undefined : packedNode(packed, i);
  }

  /**
   * Brings the picture up to date with the index and says what changed. `renames` (old path ->
   * new path, as the editor reported them) let the diff say which new node is an old one moved.
   */
  update(renames?: ReadonlyMap<string, string>): GraphDiff {
    if (this.stepwise) {
      this.prepare();
      const step = this.tryStep();
      if (step) {
        this.lastUpdate = 'step';
        return withRenames(step, renames);
      }
    }
    this.lastUpdate = 'rebuild';
    const before = this.packedData();
    this.rebuild();
    return withRenames(diffPackedGraphs(before, this.packed!), renames);
  }

  private rebuild(): void {
    this.packed = buildPackedGraph(this.index, this.options);
    this.picture = undefined;
    this.packedAt = undefined;
    this.prepared = false;
    this.preparedUpTo = 0;
    this.nodes.clear();
    this.out.clear();
    this.inn.clear();
    this.seen.clear();
    this.attachmentSet.clear();
    if (!this.stepwise) return;
    // What the next step compares the index with: taken now, whenever the step's objects are made.
    for (const n of this.index.notes()) this.seen.set(n.path, n);
    for (const a of this.index.attachments()) this.attachmentSet.add(a);
    this.tagsOf = needsTags(this.options) ? noteTags(this.index) : new Map();
    this.groupKeys = new Map(this.packed.legend.map((g, i) => [g.name.toLowerCase(), i]));
    this.groupCounts = this.packed.legend.map(g => g.count);
    this.shownLegend = this.packed.legend;
  }

  /** Makes the small step's objects now (the first update after a whole build does). */
  prepare(): void {
    this.prepareUntil(Infinity);
  }

  /**
   * Makes the small step's objects from the packed picture (a node object per node, an edge map
   * per note and its reverse) until `deadline` (a `performance.now()` time); true when all are made.
   * The picture does not change meanwhile: a step first finishes them.
   */
  prepareUntil(deadline: number): boolean {
    if (!this.stepwise || this.prepared) return true;
    const p = this.packed!;
    const n = p.ids.length;
    const total = n + p.edges.length / 4;
    let at = this.preparedUpTo;
    while (at < total) {
      const end = Math.min(total, at + 512);
      for (; at < end && at < n; at++) this.nodes.set(p.ids[at], packedNode(p, at));
      for (; at < end; at++) {
        const k = 4 * (at - n);
        const source = p.ids[p.edges[k]];
        const target = p.ids[p.edges[k + 1]];
        this.link({ source, target, kind: EDGE_KINDS[p.edges[k + 2]] ?? 'link', count: p.edges[k + 3] });
      }
      if (performance.now() >= deadline) break;
    }
    this.preparedUpTo = at;
    return (this.prepared = at >= total);
  }

  /** `prepareUntil` a slice at a time, letting the host's other work run between (until `stop` says the model is no longer wanted). */
  async prepareInSlices(slices: TimeSlices, stop: () => boolean): Promise<void> {
    while (!stop() && !this.prepareUntil(slices.deadline())) await slices.next();
  }

  private link(e: GraphEdge): void {
    let targets = this.out.get(e.source);
    if (!targets) this.out.set(e.source, (targets = new Map()));
    targets.set(e.target, e);
    // An array, not a set: one edge per source and target, and arrays are made faster.
    const sources = this.inn.get(e.target);
    if (sources) sources.push(e.source);
    else this.inn.set(e.target, [e.source]);
  }

  private unlink(source: string, target: string): void {
    const sources = this.inn.get(target);
    if (!sources) return;
    const at = sources.indexOf(source);
    if (at >= 0) {
      sources[at] = sources[sources.length - 1];
      sources.pop();
    }
    if (sources.length === 0) this.inn.delete(target);
  }

  private refs(id: string): number {
    return this.inn.get(id)?.length ?? 0;
  }

  /**
   * Numbers the colour groups again after a step changed who is in them: as a whole build does,
   * by where each group's first node sorts, named as that node writes its folder or first tag.
   * The groups numbered `before` (the legend's size before the step) are renumbered by the
   * array returned (-1: emptied); undefined when none moved.
   */
  private renumberGroups(before: number, tags: ReadonlyMap<string, readonly string[]>): number[] | undefined {
    const first: GraphNode[] = [];
    const counts: number[] = [];
    for (const n of this.nodes.values()) {
      if (n.group < 0) continue;
      const f = first[n.group];
      if (!f || n.id < f.id) first[n.group] = n;
      counts[n.group] = (counts[n.group] ?? 0) + 1;
    }
    const live: number[] = [];
    for (let g = 0; g < first.length; g++) if (first[g]) live.push(g);
    live.sort((a, b) => compare(first[a].id, first[b].id));
    const to = new Array<number>(Math.max(before, first.length)).fill(-1);
    live.forEach((g, i) => (to[g] = i));
    if (live.some((g, i) => g !== i)) {
      for (const [id, n] of this.nodes) if (n.group >= 0 && to[n.group] !== n.group) this.nodes.set(id, { ...n, group: to[n.group] });
    }
    const by = this.options.groupBy ?? 'folder';
    this.shownLegend = live.map(g => ({ name: groupNameOf({ type: first[g].type, folder: first[g].folder, tags: tags.get(first[g].id) ?? [] }, by)!, count: counts[g] }));
    this.groupCounts = this.shownLegend.map(g => g.count);
    this.groupKeys = new Map(this.shownLegend.map((g, i) => [groupKey(g.name), i]));
    const regroup = to.slice(0, before);
    return regroup.every((t, g) => t === g) ? undefined : regroup;
  }

  private legend(): GraphGroup[] {
    return this.userGroups.length
      ? this.userGroups.map((g, i) => ({ name: g.spec.name ?? g.spec.query, ...(g.spec.color ? { color: g.spec.color } : {}), count: this.groupCounts[i] ?? 0 }))
      : this.shownLegend.map((g, i) => ({ name: g.name, count: this.groupCounts[i] ?? 0 }));
  }

  /** A draft's group number; a group the legend does not have yet is numbered after it (in `fresh`) until the legend is renumbered. */
  private groupOf(d: Draft, fresh: Map<string, number>): number {
    if (this.userGroups.length) return d.type === 'tag' ? -1 : this.userGroups.findIndex(g => matchesQuery(g.query, { path: d.id, title: d.title, tags: d.tags }));
    const name = groupNameOf(d, this.options.groupBy ?? 'folder');
    if (name === undefined) return -1;
    const key = groupKey(name);
    let g = this.groupKeys.get(key) ?? fresh.get(key);
    if (g === undefined) fresh.set(key, (g = this.shownLegend.length + fresh.size));
    return g;
  }

  /** The small step, or undefined when only a rebuild gives the right picture. Changes nothing until it knows it can finish. */
  private tryStep(): GraphDiff | undefined {
    const changed: NoteInfo[] = [];
    const created = new Set<string>();
    let notes = 0;
    for (const n of this.index.notes()) {
      notes++;
      const before = this.seen.get(n.path);
      if (before === n) continue;
      if (!before) created.add(n.path);
      // New names: links anywhere may now mean something else.
      else if (before.title !== n.title || !sameTags(before.aliases, n.aliases)) return undefined;
      changed.push(n);
    }
    const deleted = new Set<string>();
    if (notes - created.size !== this.seen.size) for (const p of this.seen.keys()) if (!this.index.note(p)) deleted.add(p);
    // Many notes at once (a folder moved, a branch checked out): one rebuild is cheaper.
    if (created.size + deleted.size > MAX_STEP_NOTES) return undefined;
    let attachments = 0;
    for (const a of this.index.attachments()) {
      if (!this.attachmentSet.has(a)) return undefined;
      attachments++;
    }
    if (attachments !== this.attachmentSet.size) return undefined;
    const tags = needsTags(this.options) ? noteTags(this.index) : this.tagsOf;
    const paths = new Set(changed.map(n => n.path));
    // Links that mean another note now: to a created note (they meant a note not written yet, or
    // another candidate), and from wherever a deleted note was linked (they mean another note or none).
    for (const c of created) for (const b of this.index.backlinks(c)) paths.add(b.source);
    for (const d of deleted) for (const source of this.inn.get(d) ?? []) paths.add(source);
    if (tags !== this.tagsOf) {
      for (const n of this.seen.values()) if (!paths.has(n.path) && !sameTags(this.tagsOf.get(n.path), tags.get(n.path))) paths.add(n.path);
      for (const p of this.tagsOf.keys()) if (!tags.has(p) && !paths.has(p)) paths.add(p);
    }
    for (const d of deleted) paths.delete(d);
    if (paths.size === 0 && deleted.size === 0) {
      this.tagsOf = tags;
      return { upsertNodes: [], removeNodes: [], upsertEdges: [], removeEdges: [] };
    }

    // Plan: each changed note's node and edges, by the rules buildGraphData applies.
    const plans: Planned[] = [];
    const newDrafts = new Map<string, Draft>();
    for (const path of paths) {
      const info = this.index.note(path)!;
      const draft: Draft = { id: path, type: 'note', title: info.title, folder: folderOf(path), tags: tags.get(path) ?? [] };
      const edges: Planned['edges'] = new Map();
      eachLinkEnd(this.index, path, this.options, (target, kind, type) => {
        const e = edges.get(target);
        if (e) e.count++;
        else edges.set(target, { kind, count: 1, type });
        if (type !== 'note' && !this.nodes.has(target) && !newDrafts.has(target)) newDrafts.set(target, otherDraft(target, type));
      });
      if (this.options.tags) {
        for (const tag of draft.tags) {
          const id = `#${tag.toLowerCase()}`;
          const e = edges.get(id);
          if (e) e.count++;
          else edges.set(id, { kind: 'tag', count: 1, type: 'tag' });
          const title = `#${tag}`;
          if (this.nodes.get(id)?.title !== title && !newDrafts.has(id)) newDrafts.set(id, { id, type: 'tag', title, folder: '', tags: [tag] });
        }
      }
      plans.push({ path, draft, edges });
    }
    // A deleted note's links go with it.
    for (const path of deleted) plans.push({ path, draft: undefined, edges: new Map() });
    // Colour groups: those from settings are fixed (only counted); groups by folder or tag are
    // numbered as their first node sorts and named as it writes them, so a node joining, leaving
    // or changing group, or writing its group's name otherwise, has them numbered again below.
    const fixedLegend = this.userGroups.length > 0;
    const by = this.options.groupBy ?? 'folder';
    const groupOfPlan = new Map<string, number>();
    const fresh = new Map<string, number>();
    let renumber = false;
    for (const d of [...plans.flatMap(p => (p.draft ? [p.draft] : [])), ...newDrafts.values()]) {
      const g = this.groupOf(d, fresh);
      if (!fixedLegend && g >= 0 && groupNameOf(d, by) !== this.shownLegend[g]?.name) renumber = true;
      groupOfPlan.set(d.id, g);
    }
    const isNote = (id: string) => created.has(id) || (this.seen.has(id) && !deleted.has(id));
    const refDelta = new Map<string, number>();
    for (const plan of plans) {
      for (const t of this.out.get(plan.path)?.keys() ?? []) refDelta.set(t, (refDelta.get(t) ?? 0) - 1);
      for (const t of plan.edges.keys()) refDelta.set(t, (refDelta.get(t) ?? 0) + 1);
    }
    // A deleted note still linked would stay drawn as a note: the step missed a link (never expected).
    for (const d of deleted) if (this.refs(d) + (refDelta.get(d) ?? 0) > 0) return undefined;

    // Apply: edges first (links in and out move), then every node they touched.
    const touched = new Set<string>();
    const upsertEdges: GraphEdge[] = [];
    const removeEdges: [string, string][] = [];
    const degree = new Map<string, { in: number; out: number }>();
    const deg = (id: string) => {
      let d = degree.get(id);
      if (!d) {
        const n = this.nodes.get(id);
        degree.set(id, (d = { in: n?.inLinks ?? 0, out: n?.outLinks ?? 0 }));
      }
      return d;
    };
    for (const plan of plans) {
      const old = this.out.get(plan.path) ?? new Map<string, GraphEdge>();
      touched.add(plan.path);
      for (const [target, e] of old) {
        touched.add(target);
        deg(plan.path).out -= e.count;
        deg(target).in -= e.count;
        this.unlink(plan.path, target);
        const next = plan.edges.get(target);
        if (!next) removeEdges.push([plan.path, target]);
      }
      this.out.delete(plan.path);
      for (const [target, e] of plan.edges) {
        touched.add(target);
        deg(plan.path).out += e.count;
        deg(target).in += e.count;
        const before = old.get(target);
        const edge: GraphEdge = before && before.kind === e.kind && before.count === e.count ? before : { source: plan.path, target, kind: e.kind, count: e.count };
        this.link(edge);
        if (edge !== before) upsertEdges.push(edge);
      }
    }

    let upsertNodes: GraphNode[] = [];
    const removeNodes: string[] = [];
    const drafts = new Map(plans.flatMap(p => (p.draft ? [[p.path, p.draft] as const] : [])));
    for (const d of deleted) this.seen.delete(d);
    let placeholderTitles: Map<string, string> | undefined;
    let legendChanged = false;
    const count = (group: number, by: number) => {
      if (group < 0) return;
      this.groupCounts[group] = (this.groupCounts[group] ?? 0) + by;
      legendChanged = true;
    };
    for (const id of touched) {
      const before = this.nodes.get(id);
      if (!isNote(id) && this.refs(id) <= 0) {
        if (before) {
          this.nodes.delete(id);
          removeNodes.push(id);
          count(before.group, -1);
          if (before.group >= 0) renumber = true;
        }
        continue;
      }
      const draft = drafts.get(id) ?? newDrafts.get(id);
      let title = draft?.title ?? before!.title;
      if ((draft ?? before)!.type === 'placeholder') {
        placeholderTitles ??= new Map(this.index.placeholders().map(p => [p.name, p.display]));
        title = placeholderTitles.get(id) ?? title;
      }
      const d = deg(id);
      const node: GraphNode = {
        id,
        type: (draft ?? before)!.type,
        title,
        folder: (draft ?? before)!.folder,
        group: groupOfPlan.get(id) ?? before!.group,
        inLinks: d.in,
        outLinks: d.out,
        weight: d.in + d.out,
      };
      if (before && sameNode(before, node)) continue;
      if ((before?.group ?? -1) !== node.group) renumber = true;
      if (before) count(before.group, -1);
      count(node.group, 1);
      this.nodes.set(id, node);
      upsertNodes.push(node);
    }
    for (const n of changed) this.seen.set(n.path, n);
    this.tagsOf = tags;
    this.picture = this.packed = undefined;
    this.packedAt = undefined;
    const legendBefore = this.shownLegend;
    let regroup: number[] | undefined;
    if (!fixedLegend && renumber) {
      regroup = this.renumberGroups(legendBefore.length, tags);
      if (regroup) upsertNodes = upsertNodes.map(n => this.nodes.get(n.id)!);
    }
    const groups = legendChanged || renumber ? this.legend() : undefined;
    const legendMoved = groups !== undefined && JSON.stringify(groups) !== JSON.stringify(legendBefore);
    if (groups && legendMoved) this.shownLegend = groups;
    if (!upsertNodes.length && !removeNodes.length && !upsertEdges.length && !removeEdges.length && !legendMoved) return { upsertNodes, removeNodes, upsertEdges, removeEdges };
    return { upsertNodes, removeNodes, upsertEdges, removeEdges, ...(legendMoved ? { groups } : {}), ...(regroup ? { regroup } : {}) };
  }
}
