/// <reference lib="dom" />
// The graph's renderer: a plain browser module (no VS Code API), so the extension's panel and a
// published site draw the same picture. Canvas 2D: measured beside sigma's WebGL where the GPU is
// software (docs/graph.md), far cheaper at 10,000 notes, dearer than plain WebGL at 1,000 when every
// edge is drawn; so a graph of more than 2,000 nodes or 4,000 edges is drawn with level of detail
// while the view moves (edges and labels off, only the 2,000 largest nodes), drawing once per
// animation frame so input never waits, and its still picture is kept in two offscreen layers
// (edges filled in slices after a first frame of nodes), so an edit or a hover redraws only what it changed.
// It draws straight from the packed graph (src/core/graph/packedGraph.ts) and kept positions,
// before any layout work; the layout runs in a web worker when the page gives one (layoutWorker.ts),
// else a few milliseconds at a time between frames; a diff changes only the nodes and edges it names.
import type { GraphData, GraphGroup, GraphNode } from '../../../src/core/graph/graphData';
import { legendSlots } from '../../../src/core/graph/groupColors';
import type { GraphDiff } from '../../../src/core/graph/graphDiff';
import { EDGE_KINDS, packedNode, type PackedGraph } from '../../../src/core/graph/packedGraph';
import { createLayout, placeNodes, type Layout, type LayoutNode } from './layout';
import type { FromLayoutWorker, ToLayoutWorker } from './layoutWorker';

export interface GraphColors {
  readonly background: string;
  readonly foreground: string;
  readonly edge: string;
  /** The active note, search matches, focus. */
  readonly accent: string;
  /** One per group, in order; repeated past the end. */
  readonly palette: readonly string[];
  /** Nodes in no group. */
  readonly ungrouped: string;
}

export interface GraphRendererOptions {
  readonly colors: GraphColors;
  /** Positions kept from last time, x and y per node in the order of the graph's ids (NaN or null: none). */
  readonly positions?: ArrayLike<number | null>;
  /** Labels appear once a node is this many pixels wide on screen (default 9). */
  readonly labelAt?: number;
  readonly onOpen?: (id: string, toSide: boolean) => void;
  /** The layout settled or a node was dragged: the positions to keep. */
  readonly onPositions?: (positions: Record<string, [number, number]>) => void;
  /**
   * Called with the duration of each drawn frame (ms), whether it was drawn in level of detail,
   * and whether it showed the whole picture (the edges of a big graph follow its first frame in slices).
   */
  readonly onFrame?: (ms: number, reduced: boolean, complete: boolean) => void;
  /** A web worker running layoutWorker.ts; without one the layout runs on the page between frames. */
  readonly worker?: () => Worker;
  /** Palette slots given to groups by name (groupColors.ts); pass the same map to the next renderer to keep every colour. */
  readonly groupSlots?: Map<string, number>;
}

/**
 * `a` carried `share` of the way to `b` (CSS colours; canvas-parsable), as `#rrggbb`: the neutral
 * colour of nodes past the palette, a muted foreground between it and the background, so that a
 * vault of hundreds of groups is not drawn mostly in the text colour over its coloured groups.
 */
export function mixColors(a: string, b: string, share: number): string {
  const [ra, ga, ba] = rgbOf(a);
  const [rb, gb, bb] = rgbOf(b);
  const hex = (x: number, y: number) => Math.round(x + (y - x) * share).toString(16).padStart(2, '0');
  return `#${hex(ra, rb)}${hex(ga, gb)}${hex(ba, bb)}`;
}

/** A CSS colour as red, green, blue (0–255), through the canvas's own parsing; black if unparsable. */
function rgbOf(color: string): [number, number, number] {
  const c = document.createElement('canvas').getContext('2d');
  if (!c) return [0, 0, 0];
  c.fillStyle = '#000000';
  c.fillStyle = color; // an unparsable colour leaves the black
  const s = String(c.fillStyle); // '#rrggbb', or 'rgba(r, g, b, a)' with transparency
  if (s.startsWith('#')) return [1, 3, 5].map(i => parseInt(s.slice(i, i + 2), 16)) as [number, number, number];
  const m = /(\d+)\D+(\d+)\D+(\d+)/.exec(s);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

/** Each group's fill: its own colour (a user group's), else the palette slot its name was given, else (a group past the palette's largest) the neutral colour. */
export function groupFills(groups: readonly GraphGroup[], colors: GraphColors, kept?: Map<string, number>): string[] {
  const slots = legendSlots(groups, colors.palette.length, kept);
  return groups.map((g, i) => g.color ?? colors.palette[slots[i]] ?? colors.ungrouped);
}

export interface GraphRenderer {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Apply a change without touching the rest of the picture. */
  update(diff: GraphDiff): void;
  /** The active note: ringed, its neighbourhood labelled, kept in view. */
  setActive(id: string | undefined): void;
  /** The fill of a group (by its number in the legend), as the nodes are drawn. */
  groupColor(group: number): string;
  /** Nodes to ring as search matches (empty: none). */
  setHighlight(ids: ReadonlySet<string>): void;
  setColors(colors: GraphColors): void;
  /** Forget every position and lay out afresh. */
  relayout(): void;
  positions(): Record<string, [number, number]>;
  /** Where a node is on the page (CSS pixels, relative to the canvas), for tests and keyboard users. */
  screenPosition(id: string): { x: number; y: number } | undefined;
  /** The node's data, and the ids of its neighbours. */
  node(id: string): GraphNode | undefined;
  nodes(): GraphNode[];
  neighbours(id: string): string[];
  /** Where the layout last ran: in a worker, on the page, or nowhere yet (a kept picture). */
  layoutRunsIn(): 'worker' | 'page' | undefined;
  /** Labels drawn in the last full frame (text and box), for tests. */
  labels(): { id: string; x: number; y: number; width: number; height: number }[];
  /** Zoom by a factor around the centre, or pan by pixels (the keyboard's + - and arrows). */
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  /** Fit every node in view. */
  fit(): void;
  destroy(): void;
}

interface DrawnNode extends LayoutNode {
  data: GraphNode;
  radius: number;
  /** Edges from this node, by target. */
  out: Map<DrawnNode, DrawnEdge>;
  /** Nodes with an edge to this one. */
  inn: Set<DrawnNode>;
  labelWidth?: number;
}

interface DrawnEdge {
  source: DrawnNode;
  target: DrawnNode;
  kind: GraphData['edges'][number]['kind'];
  /** Where it is in `edges` (removal swaps the last one in). */
  at: number;
}

/** How the layout runs: in a worker, or on the page between frames. */
interface LayoutDriver {
  readonly running: boolean;
  readonly where: 'worker' | 'page';
  /** Start over on these nodes and links; `settle` nodes stay pinned until it settles. */
  run(nodes: DrawnNode[], links: readonly DrawnEdge[], settle: ReadonlySet<DrawnNode>, alpha: number): void;
  pin(n: DrawnNode, x: number, y: number): void;
  unpin(n: DrawnNode): void;
  reheat(alpha: number): void;
  /** Before a frame: a page-run layout steps; a worker's latest positions are copied in. */
  frame(): void;
  destroy(): void;
}

const REDUCED_ABOVE = 2000;
/**
 * A graph with more edges than this is drawn like a big one (level of detail while moving, cached
 * layers) whatever its node count: the 1,000-note bench vault's 8,318 edges, stroked in every
 * frame of a gesture, made the page's tasks while panning 1.4–2.7 s long in software (under load;
 * bench/graphVscode.mjs), where the renderer's own frame time, which leaves out rasterising, said 0.15 s.
 */
const REDUCED_EDGES_ABOVE = 4000;

/** Whether a graph this size is drawn as a big one: level of detail while moving, the still picture in cached layers. */
export function drawnAsBig(nodes: number, edges: number): boolean {
  return nodes > REDUCED_ABOVE || edges > REDUCED_EDGES_ABOVE;
}
/** Up to this many edges are drawn in the frame that shows the nodes; more follow in slices. */
const SYNC_EDGES = 4000;
/** Time given to the edges in each frame while they fill in (a frame stays under ~a screen refresh or two). */
const EDGE_SLICE_MS = 12;
const EDGE_CHUNK = 1500;
const EDGE_ALPHA = 0.55;
const DIM_EDGES = 0.12;
const DIM_NODES = 0.15;
const SETTLE_DELAY = 160;
const LAYOUT_BUDGET = 8;
const LABEL_FONT = '12px var(--vscode-font-family, system-ui, sans-serif)';
const LABEL_HEIGHT = 14;

function pageLayout(): LayoutDriver {
  let layout: Layout | undefined;
  let settlePins: DrawnNode[] = [];
  return {
    where: 'page',
    get running() {
      return layout?.running ?? false;
    },
    run(nodes, links, settle, alpha) {
      for (const n of nodes) {
        n.fx = settle.has(n) ? n.x : undefined;
        n.fy = settle.has(n) ? n.y : undefined;
      }
      settlePins = [...settle];
      layout = createLayout(nodes, links.map(e => ({ source: e.source.id, target: e.target.id })));
      layout.reheat(alpha);
    },
    pin: (n, x, y) => layout?.pin(n, x, y),
    unpin: n => layout?.unpin(n),
    reheat: a => layout?.reheat(a),
    frame() {
      if (!layout?.running) return;
      layout.step(LAYOUT_BUDGET);
      if (!layout.running) {
        for (const n of settlePins) layout.unpin(n);
        settlePins = [];
      }
    },
    destroy() {
      layout = undefined;
    },
  };
}

function workerLayout(worker: Worker, onPositions: () => void): LayoutDriver {
  let order: DrawnNode[] = [];
  let index = new Map<DrawnNode, number>();
  let running = false;
  let latest: FromLayoutWorker | undefined;
  const dragged = new Set<DrawnNode>();
  const send = (m: ToLayoutWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  worker.onmessage = (e: MessageEvent<FromLayoutWorker>) => {
    latest = e.data;
    onPositions();
  };
  return {
    where: 'worker',
    get running() {
      return running;
    },
    run(nodes, links, settle, alpha) {
      order = nodes;
      index = new Map(nodes.map((n, i) => [n, i]));
      const xy = new Float64Array(2 * nodes.length);
      const pinned = new Uint8Array(nodes.length);
      const settlePins = new Uint8Array(nodes.length);
      nodes.forEach((n, i) => {
        xy[2 * i] = n.x;
        xy[2 * i + 1] = n.y;
        if (settle.has(n)) pinned[i] = settlePins[i] = 1;
      });
      const pairs = new Uint32Array(2 * links.length);
      links.forEach((e, i) => {
        pairs[2 * i] = index.get(e.source)!;
        pairs[2 * i + 1] = index.get(e.target)!;
      });
      latest = undefined;
      running = true;
      send({ type: 'run', xy, pinned, settlePins, links: pairs, alpha }, [xy.buffer, pinned.buffer, settlePins.buffer, pairs.buffer]);
    },
    pin(n, x, y) {
      dragged.add(n);
      const i = index.get(n);
      if (i !== undefined) send({ type: 'pin', i, x, y });
    },
    unpin(n) {
      dragged.delete(n);
      const i = index.get(n);
      if (i !== undefined) send({ type: 'unpin', i });
    },
    reheat(alpha) {
      running = true;
      send({ type: 'reheat', alpha });
    },
    frame() {
      const m = latest;
      if (!m) return;
      latest = undefined;
      const xy = m.xy;
      for (let i = 0; i < order.length && 2 * i + 1 < xy.length; i++) {
        const n = order[i];
        if (dragged.has(n)) continue;
        n.x = xy[2 * i];
        n.y = xy[2 * i + 1];
      }
      if (m.done) running = false;
    },
    destroy() {
      send({ type: 'stop' });
      worker.terminate();
    },
  };
}

export function createGraphRenderer(canvas: HTMLCanvasElement, graph: PackedGraph, options: GraphRendererOptions): GraphRenderer {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('Canvas 2D is not available');
  let colors = options.colors;
  const labelAt = options.labelAt ?? 9;
  const nodes = new Map<string, DrawnNode>();
  const edges: DrawnEdge[] = [];
  /** Every node, largest first (labels are placed in this order); `largest` its head, drawn while moving. */
  let bySize: DrawnNode[] = [];
  let largest: DrawnNode[] = [];
  let active: DrawnNode | undefined;
  let hovered: DrawnNode | undefined;
  let highlight: ReadonlySet<string> = new Set();
  const view = { x: 0, y: 0, scale: 1 };
  let width = 0;
  let height = 0;
  let dpr = 1;
  let frame = 0;
  let movingUntil = 0;
  let settleTimer: number | undefined;
  let destroyed = false;
  let placed: { id: string; x: number; y: number; width: number; height: number; text: string; alpha: number }[] = [];
  /** What the placed labels were placed for (view, hover, active note, matches); '' after a change. */
  let labelsFor = '';

  const tooltip = document.createElement('div');
  tooltip.className = 'mg-graph-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  canvas.parentElement?.appendChild(tooltip);

  const radiusOf = (n: GraphNode) => Math.min(24, 3 + 1.6 * Math.sqrt(Math.max(0, n.weight)));
  const slotsKept = options.groupSlots ?? new Map<string, number>();
  let legend = graph.legend;
  let fills = groupFills(legend, colors, slotsKept);
  const colorOf = (n: GraphNode) => (n.group >= 0 ? fills[n.group] ?? colors.ungrouped : colors.ungrouped);
  /**
   * New groups or colours: a node layer whose colours changed is drawn again. `regroup`: how the
   * old group numbers map to the new (a diff's); a group keeps its colour under a new number.
   */
  function refill(regroup?: readonly number[]): void {
    const before = fills;
    fills = groupFills(legend, colors, slotsKept);
    if (before.some((f, g) => (regroup ? regroup[g] : g) >= 0 && fills[regroup ? regroup[g] : g] !== f)) nodeLayer.key = '';
  }
  const isNear = (a: DrawnNode, b: DrawnNode) => a.out.has(b) || a.inn.has(b);

  function addNode(g: GraphNode, x = 0, y = 0): DrawnNode {
    const existing = nodes.get(g.id);
    if (existing) {
      if (existing.data.title !== g.title) existing.labelWidth = undefined;
      existing.data = g;
      existing.radius = radiusOf(g);
      return existing;
    }
    const n: DrawnNode = { id: g.id, x, y, data: g, radius: radiusOf(g), out: new Map(), inn: new Set() };
    nodes.set(g.id, n);
    return n;
  }

  function addEdge(s: DrawnNode, t: DrawnNode, kind: DrawnEdge['kind']): void {
    const existing = s.out.get(t);
    if (existing) {
      existing.kind = kind;
      return;
    }
    const e: DrawnEdge = { source: s, target: t, kind, at: edges.length };
    edges.push(e);
    s.out.set(t, e);
    t.inn.add(s);
  }

  function removeEdge(e: DrawnEdge): void {
    const last = edges.pop()!;
    if (last !== e) {
      edges[e.at] = last;
      last.at = e.at;
    }
    e.source.out.delete(e.target);
    e.target.inn.delete(e.source);
  }

  function rankLargest(): void {
    bySize = [...nodes.values()].sort((a, b) => b.radius - a.radius);
    largest = bySize.length > REDUCED_ABOVE ? bySize.slice(0, REDUCED_ABOVE) : bySize;
    labelsFor = '';
  }

  /** A few nodes resized by an edit move to their place in `bySize` (no sort of the whole graph). */
  function rerank(changed: readonly DrawnNode[]): void {
    if (changed.length > 64) return rankLargest();
    for (const n of changed) {
      const at = bySize.indexOf(n);
      if (at >= 0) bySize.splice(at, 1);
      let lo = 0, hi = bySize.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bySize[mid].radius >= n.radius) lo = mid + 1;
        else hi = mid;
      }
      bySize.splice(lo, 0, n);
    }
    largest = bySize.length > REDUCED_ABOVE ? bySize.slice(0, REDUCED_ABOVE) : bySize;
    labelsFor = '';
  }

  // Nodes and edges straight from the packed arrays, at their kept places.
  const kept = options.positions;
  const order: DrawnNode[] = [];
  const fresh: DrawnNode[] = [];
  graph.ids.forEach((_, i) => {
    const x = kept?.[2 * i];
    const y = kept?.[2 * i + 1];
    const has = typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y);
    const n = addNode(packedNode(graph, i), has ? x : 0, has ? y : 0);
    order.push(n);
    if (!has) fresh.push(n);
  });
  for (let i = 0; i + 3 < graph.edges.length; i += 4) {
    const s = order[graph.edges[i]];
    const t = order[graph.edges[i + 1]];
    if (s && t) addEdge(s, t, EDGE_KINDS[graph.edges[i + 2]] ?? 'link');
  }
  rankLargest();
  if (fresh.length) placeFresh(fresh);

  let layout: LayoutDriver | undefined;
  const driver = (): LayoutDriver => {
    if (layout) return layout;
    try {
      if (options.worker) layout = workerLayout(options.worker(), schedule);
    } catch {
      layout = undefined;
    }
    return (layout ??= pageLayout());
  };
  let pinnedForSettling = false;
  /** A first layout from scratch is fitted to the view once it settles (the user has not moved it since). */
  let fitted = false;
  let layoutWasRunning = false;
  // Layout work starts after the first frame: the kept picture is drawn before any of it.
  if (fresh.length) requestAnimationFrame(() => settleFresh(new Set(fresh)));

  /**
   * New nodes (placed beside a neighbour) settle in among their neighbours, which stay pinned;
   * nothing else moves. With no kept picture at all, the whole graph is laid out.
   */
  function settleFresh(freshSet: ReadonlySet<DrawnNode>): void {
    if (destroyed || freshSet.size === 0) return;
    const all = [...nodes.values()];
    if (freshSet.size < all.length && !(layout?.running && !pinnedForSettling)) {
      const near = new Set<DrawnNode>(freshSet);
      for (const n of freshSet) {
        for (const t of n.out.keys()) near.add(t);
        for (const t of n.inn) near.add(t);
      }
      const settle = new Set([...near].filter(n => !freshSet.has(n)));
      const links = edges.filter(e => near.has(e.source) && near.has(e.target));
      pinnedForSettling = true;
      driver().run([...near], links, settle, 0.3);
    } else driver().run(all, edges, new Set(), freshSet.size < all.length ? 0.5 : 1);
    schedule();
  }

  /** Starting places for nodes without one: beside a placed neighbour, else on a disc. */
  function placeFresh(list: DrawnNode[]): void {
    const freshIds = new Set(list.map(n => n.id));
    const known = new Map<string, readonly [number, number]>();
    const links: { source: string; target: string }[] = [];
    for (const n of list) {
      for (const t of n.out.keys()) if (!freshIds.has(t.id)) {
        known.set(t.id, [t.x, t.y]);
        links.push({ source: n.id, target: t.id });
      }
      for (const s of n.inn) if (!freshIds.has(s.id)) {
        known.set(s.id, [s.x, s.y]);
        links.push({ source: s.id, target: n.id });
      }
    }
    placeNodes(list, links, known, nodes.size - list.length);
  }

  function resize(): void {
    dpr = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    width = Math.max(1, rect.width);
    height = Math.max(1, rect.height);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    schedule();
  }

  const toScreenX = (x: number) => (x - view.x) * view.scale + width / 2;
  const toScreenY = (y: number) => (y - view.y) * view.scale + height / 2;
  const toWorldX = (sx: number) => (sx - width / 2) / view.scale + view.x;
  const toWorldY = (sy: number) => (sy - height / 2) / view.scale + view.y;

  function schedule(): void {
    if (!frame && !destroyed) frame = requestAnimationFrame(draw);
  }

  function moving(): void {
    movingUntil = performance.now() + SETTLE_DELAY;
    window.clearTimeout(settleTimer);
    settleTimer = window.setTimeout(schedule, SETTLE_DELAY + 10);
    schedule();
  }

  /**
   * A frame. A small graph is drawn whole each time. While the view moves or the whole layout
   * runs, a big graph is drawn in level of detail; otherwise the frame composes two cached layers (edges, nodes: drawn once per view,
   * the edges a slice at a time after a first frame of nodes alone) under what changes from
   * frame to frame: nodes still settling and their edges, the hovered neighbourhood, rings, labels.
   */
  function draw(): void {
    frame = 0;
    const started = performance.now();
    const running = layout?.running ?? false;
    layout?.frame();
    const wasRunning = layoutWasRunning || running;
    const nowRunning = layout?.running ?? false;
    const settling = pinnedForSettling;
    if (wasRunning && !nowRunning) {
      if (!pinnedForSettling && !fitted) api.fit();
      fitted = true;
      pinnedForSettling = false;
      // The nodes that settled join the cached picture.
      bake([...live].filter(n => n !== drag?.node));
      options.onPositions?.(api.positions());
    }
    layoutWasRunning = nowRunning;
    // The whole layout moved nodes in this frame: nothing cached holds.
    const everything = (running || nowRunning) && !settling;
    if (everything) edgeLayer.key = nodeLayer.key = '';
    const isMoving = performance.now() < movingUntil;
    const big = drawnAsBig(nodes.size, edges.length);
    const reduced = big && (isMoving || (nowRunning && !settling));
    const c = ctx!;
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.globalAlpha = 1;
    c.fillStyle = colors.background;
    c.fillRect(0, 0, width, height);
    const focus = hovered ?? undefined;
    let complete = false;
    if (reduced) drawNodes(c, largest, focus);
    else if (everything || isMoving || !big) {
      // A small graph, or everything moves (a big graph is then reduced): drawn straight to the screen, nothing cached.
      edgeLayer.key = nodeLayer.key = '';
      strokeEdges(c, edges, colors.edge, focus ? DIM_EDGES : EDGE_ALPHA);
      if (focus) strokeEdges(c, edgesOf([focus]), colors.accent, 1);
      drawNodes(c, nodes.values(), focus);
      complete = true;
    } else {
      const key = viewKey();
      if (nodeLayer.key !== key) resetLayer(nodeLayer, key);
      if (edgeLayer.key !== key) resetLayer(edgeLayer, key);
      if (!nodeLayer.complete) fillNodeLayer();
      // A big graph's first frame after a change of view shows its nodes alone; edges follow in slices.
      const sliced = edges.length > SYNC_EDGES;
      const nodesOnly = sliced && edgeLayer.cursor === 0 && !edgeLayer.shown;
      edgeLayer.shown = true;
      if (!nodesOnly && !edgeLayer.complete) fillEdgeLayer(sliced ? EDGE_SLICE_MS : Infinity);
      complete = edgeLayer.complete;
      const liveEdges = live.size ? edgesOf(live) : [];
      compose(c, edgeLayer, focus ? DIM_EDGES / EDGE_ALPHA : 1);
      strokeEdges(c, liveEdges, colors.edge, focus ? DIM_EDGES : EDGE_ALPHA);
      if (focus) strokeEdges(c, edgesOf([focus]), colors.accent, 1);
      compose(c, nodeLayer, focus ? DIM_NODES : 1);
      drawNodes(c, live, focus);
      if (focus) drawNodes(c, [focus, ...focus.out.keys(), ...focus.inn].filter(n => !live.has(n)), undefined);
    }
    drawRings(c);
    if (!reduced) drawLabels(focus);
    const ms = performance.now() - started;
    options.onFrame?.(ms, reduced, complete);
    // A layout in the worker asks for a frame when its positions arrive (a few times less often
    // than the screen refreshes at 10,000 nodes): frames in between would redraw the same picture
    // on the thread the workbench shares, while an edit's message waits behind them.
    if ((nowRunning && layout?.where === 'page') || isMoving || (!reduced && !complete)) schedule();
  }

  // The cached layers: offscreen canvases the size of the view, drawn for one view (`key`).
  interface Layer {
    readonly canvas: HTMLCanvasElement;
    readonly ctx: CanvasRenderingContext2D;
    key: string;
    /** Edges drawn so far, in the order of `edges` (the edge layer fills in slices). */
    cursor: number;
    complete: boolean;
    /** A frame has shown this layer since it was reset (the nodes-only frame comes first). */
    shown: boolean;
  }
  function makeLayer(): Layer {
    const canvas = document.createElement('canvas');
    const c = canvas.getContext('2d');
    if (!c) throw new Error('Canvas 2D is not available');
    return { canvas, ctx: c, key: '', cursor: 0, complete: false, shown: false };
  }
  const edgeLayer = makeLayer();
  const nodeLayer = makeLayer();
  /** Nodes drawn every frame, not in the layers: settling after a diff, or dragged. */
  const live = new Set<DrawnNode>();
  const viewKey = () => `${view.x},${view.y},${view.scale},${width},${height},${dpr}`;

  function resetLayer(l: Layer, key: string): void {
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    if (l.canvas.width !== w || l.canvas.height !== h) {
      l.canvas.width = w;
      l.canvas.height = h;
    } else l.ctx.clearRect(0, 0, w, h);
    l.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    l.key = key;
    l.cursor = 0;
    l.complete = false;
    l.shown = false;
  }

  function invalidateLayers(): void {
    edgeLayer.key = nodeLayer.key = '';
    schedule();
  }

  function compose(c: CanvasRenderingContext2D, l: Layer, alpha: number): void {
    c.save();
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.globalAlpha = alpha;
    c.drawImage(l.canvas, 0, 0);
    c.restore();
  }

  function fillNodeLayer(): void {
    drawNodes(nodeLayer.ctx, live.size ? [...nodes.values()].filter(n => !live.has(n)) : nodes.values(), undefined);
    nodeLayer.complete = true;
  }

  /** Strokes edges from the layer's cursor on, until done or `budgetMs` has passed. */
  function fillEdgeLayer(budgetMs: number): void {
    const until = performance.now() + budgetMs;
    while (edgeLayer.cursor < edges.length) {
      const end = Math.min(edges.length, edgeLayer.cursor + EDGE_CHUNK);
      const chunk = edges.slice(edgeLayer.cursor, end);
      strokeEdges(edgeLayer.ctx, live.size ? chunk.filter(e => !live.has(e.source) && !live.has(e.target)) : chunk, colors.edge, EDGE_ALPHA);
      edgeLayer.cursor = end;
      if (performance.now() >= until) break;
    }
    edgeLayer.complete = edgeLayer.cursor >= edges.length;
  }

  /** The edges with an end among `list`, each once. */
  function edgesOf(list: Iterable<DrawnNode>): DrawnEdge[] {
    const out = new Set<DrawnEdge>();
    for (const n of list) {
      for (const e of n.out.values()) out.add(e);
      for (const s of n.inn) out.add(s.out.get(n)!);
    }
    return [...out];
  }

  /** Screen boxes (CSS pixels) a node or an edge covers, to repaint a layer where it was or is. */
  type Box = { x0: number; y0: number; x1: number; y1: number };
  const nodeBox = (n: DrawnNode): Box => {
    const r = Math.max(1.5, n.radius * Math.sqrt(view.scale)) + 2;
    const x = toScreenX(n.x), y = toScreenY(n.y);
    return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
  };
  const edgeBox = (e: DrawnEdge): Box => {
    const ax = toScreenX(e.source.x), ay = toScreenY(e.source.y), bx = toScreenX(e.target.x), by = toScreenY(e.target.y);
    return { x0: Math.min(ax, bx) - 2, y0: Math.min(ay, by) - 2, x1: Math.max(ax, bx) + 2, y1: Math.max(ay, by) + 2 };
  };

  /**
   * Redraws a layer inside these boxes only (what was there is cleared, what is there now is
   * drawn), so an edit or a drag costs the area it touches; a layer still filling starts over.
   */
  function repaint(l: Layer, boxes: Box[]): void {
    if (!boxes.length || !l.key) return;
    if (!l.complete) {
      l.key = '';
      return;
    }
    const seen = boxes.map(b => ({ x0: Math.max(0, b.x0), y0: Math.max(0, b.y0), x1: Math.min(width, b.x1), y1: Math.min(height, b.y1) })).filter(b => b.x1 > b.x0 && b.y1 > b.y0);
    if (!seen.length) return;
    // Many boxes: one around them all (an area is cheaper to redraw than many passes over the edges).
    const list = seen.length > 8 ? [seen.reduce((a, b) => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }))] : seen;
    // Most of the view (a hub deleted): the edges are drawn again in slices, as after a change of view.
    if (l === edgeLayer && list.reduce((sum, b) => sum + (b.x1 - b.x0) * (b.y1 - b.y0), 0) > width * height / 3) {
      l.key = '';
      return;
    }
    const c = l.ctx;
    for (const b of list) {
      c.save();
      c.beginPath();
      c.rect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      c.clip();
      c.clearRect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      const wx0 = toWorldX(b.x0), wx1 = toWorldX(b.x1), wy0 = toWorldY(b.y0), wy1 = toWorldY(b.y1);
      if (l === edgeLayer) {
        strokeEdges(c, edges.filter(e => {
          if (live.has(e.source) || live.has(e.target)) return false;
          const s = e.source, t = e.target;
          return !((s.x < wx0 && t.x < wx0) || (s.x > wx1 && t.x > wx1) || (s.y < wy0 && t.y < wy0) || (s.y > wy1 && t.y > wy1));
        }), colors.edge, EDGE_ALPHA);
      } else {
        const pad = 30 / view.scale;
        const inBox: DrawnNode[] = [];
        for (const n of nodes.values()) if (!live.has(n) && n.x > wx0 - pad && n.x < wx1 + pad && n.y > wy0 - pad && n.y < wy1 + pad) inBox.push(n);
        drawNodes(c, inBox, undefined);
      }
      c.restore();
    }
  }

  /** Nodes that stopped moving (settled, dropped) drawn into the layers where they now are. */
  function bake(list: DrawnNode[]): void {
    if (!list.length) return;
    for (const n of list) live.delete(n);
    const lines = edgesOf(list).filter(e => !live.has(e.source) && !live.has(e.target));
    if (edgeLayer.complete) strokeEdges(edgeLayer.ctx, lines, colors.edge, EDGE_ALPHA);
    else edgeLayer.key = '';
    if (nodeLayer.complete) drawNodes(nodeLayer.ctx, list, undefined);
    schedule();
  }

  /** A node about to move on its own (dragged): out of the layers, drawn live. */
  function unbake(n: DrawnNode): void {
    if (live.has(n)) return;
    live.add(n);
    const lines = edgesOf([n]);
    repaint(edgeLayer, lines.map(edgeBox));
    repaint(nodeLayer, [nodeBox(n)]);
  }

  /** Edges batched by kind: one path (and dash pattern) per kind; only those crossing the view. */
  function strokeEdges(c: CanvasRenderingContext2D, list: readonly DrawnEdge[], color: string, alpha: number): void {
    if (!list.length) return;
    c.lineWidth = Math.max(0.5, Math.min(1.5, view.scale));
    c.strokeStyle = color;
    c.globalAlpha = alpha;
    const x0 = toWorldX(0), x1 = toWorldX(width), y0 = toWorldY(0), y1 = toWorldY(height);
    for (const kind of EDGE_KINDS) {
      let any = false;
      for (const e of list) {
        if (e.kind !== kind) continue;
        const s = e.source, t = e.target;
        if ((s.x < x0 && t.x < x0) || (s.x > x1 && t.x > x1) || (s.y < y0 && t.y < y0) || (s.y > y1 && t.y > y1)) continue;
        if (!any) {
          c.setLineDash(kind === 'embed' ? [6, 3] : kind === 'property' ? [2, 3] : kind === 'tag' ? [1, 2] : []);
          c.beginPath();
          any = true;
        }
        c.moveTo(toScreenX(s.x), toScreenY(s.y));
        c.lineTo(toScreenX(t.x), toScreenY(t.y));
      }
      if (any) c.stroke();
    }
    c.setLineDash([]);
    c.globalAlpha = 1;
  }

  /** Nodes batched by fill: one path per colour (and dimming), not one per node. */
  function drawNodes(c: CanvasRenderingContext2D, list: Iterable<DrawnNode>, focus: DrawnNode | undefined): void {
    const batches = new Map<string, { fill: string; alpha: number; placeholder: boolean; items: DrawnNode[] }>();
    const scaleR = Math.sqrt(view.scale);
    for (const n of list) {
      const r = Math.max(1.5, n.radius * scaleR);
      const sx = toScreenX(n.x);
      const sy = toScreenY(n.y);
      if (sx < -r || sy < -r || sx > width + r || sy > height + r) continue;
      const dim = focus !== undefined && n !== focus && !isNear(focus, n);
      const placeholder = n.data.type === 'placeholder';
      const fill = placeholder ? colors.background : n.data.type === 'tag' ? colors.foreground : colorOf(n.data);
      const key = `${fill}|${dim ? 1 : 0}|${placeholder ? 1 : 0}`;
      let b = batches.get(key);
      if (!b) batches.set(key, (b = { fill, alpha: dim ? DIM_NODES : 1, placeholder, items: [] }));
      b.items.push(n);
    }
    for (const b of batches.values()) {
      c.globalAlpha = b.alpha;
      c.beginPath();
      for (const n of b.items) {
        const r = Math.max(1.5, n.radius * scaleR);
        const sx = toScreenX(n.x);
        const sy = toScreenY(n.y);
        if (n.data.type === 'tag') {
          c.moveTo(sx, sy - r);
          c.lineTo(sx + r, sy);
          c.lineTo(sx, sy + r);
          c.lineTo(sx - r, sy);
          c.closePath();
        } else if (n.data.type === 'attachment') c.rect(sx - r, sy - r, 2 * r, 2 * r);
        else {
          c.moveTo(sx + r, sy);
          c.arc(sx, sy, r, 0, 2 * Math.PI);
        }
      }
      c.fillStyle = b.fill;
      c.fill();
      if (b.placeholder) {
        c.strokeStyle = colors.foreground;
        c.lineWidth = 1;
        c.setLineDash([2, 2]);
        c.stroke();
        c.setLineDash([]);
      }
    }
    c.globalAlpha = 1;
  }

  /** The active note and search matches, ringed. */
  function drawRings(c: CanvasRenderingContext2D): void {
    const scaleR = Math.sqrt(view.scale);
    const ringed = [...highlight].map(id => nodes.get(id)).filter((n): n is DrawnNode => n !== undefined && n !== active);
    if (active) ringed.push(active);
    c.strokeStyle = colors.accent;
    for (const n of ringed) {
      const r = Math.max(1.5, n.radius * scaleR);
      c.lineWidth = n === active ? 3 : 2;
      c.beginPath();
      c.arc(toScreenX(n.x), toScreenY(n.y), r + 3, 0, 2 * Math.PI);
      c.stroke();
    }
  }

  /**
   * Labels without overlap: those that must show (hovered, active, their neighbours, search
   * matches) first, then by node size; a label whose box would touch one already placed is left out.
   */
  function drawLabels(focus: DrawnNode | undefined): void {
    const c = ctx!;
    c.font = LABEL_FONT;
    c.textAlign = 'center';
    c.textBaseline = 'top';
    const key = `${viewKey()}|${focus?.id}|${active?.id}|${[...highlight].join('\n')}`;
    if (key !== labelsFor || layout?.running) placeLabels(focus);
    labelsFor = layout?.running ? '' : key;
    c.fillStyle = colors.foreground;
    for (const p of placed) {
      c.globalAlpha = p.alpha;
      c.fillText(p.text, p.x + p.width / 2, p.y + 1);
    }
    c.globalAlpha = 1;
  }

  /**
   * Labels without overlap: those that must show (hovered, active, their neighbours, search
   * matches) first, then by node size; a label whose box would touch one already placed is left out.
   */
  function placeLabels(focus: DrawnNode | undefined): void {
    const c = ctx!;
    const scaleR = Math.sqrt(view.scale);
    const must = new Set<DrawnNode>();
    for (const n of [focus, active]) if (n) must.add(n);
    for (const n of [focus, active]) if (n) for (const m of [...n.out.keys(), ...n.inn]) must.add(m);
    for (const id of highlight) {
      const n = nodes.get(id);
      if (n) must.add(n);
    }
    // A grid of placed boxes: a new box is checked against the cells it covers only.
    const cell = 64;
    const grid = new Map<number, { x: number; y: number; w: number; h: number }[]>();
    const cellsOf = (x: number, y: number, w: number, h: number) => {
      const out: number[] = [];
      for (let gx = Math.floor(x / cell); gx <= Math.floor((x + w) / cell); gx++) for (let gy = Math.floor(y / cell); gy <= Math.floor((y + h) / cell); gy++) out.push(gx * 100003 + gy);
      return out;
    };
    const collides = (x: number, y: number, w: number, h: number) =>
      cellsOf(x, y, w, h).some(k => grid.get(k)?.some(b => b.x < x + w && x < b.x + b.w && b.y < y + h && y < b.y + b.h));
    placed = [];
    const place = (n: DrawnNode, always: boolean) => {
      const r = Math.max(1.5, n.radius * scaleR);
      const sx = toScreenX(n.x);
      const sy = toScreenY(n.y);
      if (sx < -100 || sy < -20 || sx > width + 100 || sy > height + 20) return;
      // Where the label's middle is taken, no width fits: skip it before measuring its text.
      if (collides(sx - 1, sy + r + 1, 2, LABEL_HEIGHT)) return;
      const text = n.data.title.length > 40 ? n.data.title.slice(0, 39) + '…' : n.data.title;
      n.labelWidth ??= c.measureText(text).width;
      const box = { x: sx - n.labelWidth / 2 - 2, y: sy + r + 1, w: n.labelWidth + 4, h: LABEL_HEIGHT };
      if (collides(box.x, box.y, box.w, box.h)) return;
      for (const k of cellsOf(box.x, box.y, box.w, box.h)) {
        let list = grid.get(k);
        if (!list) grid.set(k, (list = []));
        list.push(box);
      }
      placed.push({ id: n.id, x: box.x, y: box.y, width: box.w, height: box.h, text, alpha: focus && !always ? DIM_NODES : 1 });
    };
    // The hovered and active notes first, then their neighbours and the matches, largest first.
    for (const n of must) if (n === focus || n === active) place(n, true);
    for (const n of bySize) if (must.has(n) && n !== focus && n !== active) place(n, true);
    for (const n of bySize) {
      if (2 * Math.max(1.5, n.radius * scaleR) < labelAt) break;
      if (!must.has(n)) place(n, false);
    }
  }

  function nodeAt(sx: number, sy: number): DrawnNode | undefined {
    const wx = toWorldX(sx);
    const wy = toWorldY(sy);
    let best: DrawnNode | undefined;
    let bestD = Infinity;
    for (const n of nodes.values()) {
      const r = Math.max(1.5, n.radius * Math.sqrt(view.scale)) / view.scale + 3 / view.scale;
      const d = (n.x - wx) ** 2 + (n.y - wy) ** 2;
      if (d <= r * r && d < bestD) {
        best = n;
        bestD = d;
      }
    }
    return best;
  }

  function showTooltip(n: DrawnNode | undefined, sx: number, sy: number): void {
    if (!n) {
      tooltip.hidden = true;
      return;
    }
    // Text only: a note's title is data, never markup.
    tooltip.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = n.data.title;
    const where = document.createElement('div');
    where.textContent = n.data.type === 'note' || n.data.type === 'attachment' ? n.data.id : n.data.type === 'placeholder' ? 'not written yet' : 'tag';
    const counts = document.createElement('div');
    counts.textContent = `${n.data.inLinks} in · ${n.data.outLinks} out`;
    tooltip.append(title, where, counts);
    tooltip.style.left = `${Math.min(sx + 14, width - 200)}px`;
    tooltip.style.top = `${sy + 14}px`;
    tooltip.hidden = false;
  }

  // Pointer: drag a node, else pan; wheel zooms around the pointer; a click opens.
  let drag: { node?: DrawnNode; x: number; y: number; moved: boolean } | undefined;
  const local = (e: MouseEvent) => {
    const rect = canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const onDown = (e: PointerEvent) => {
    const p = local(e);
    drag = { node: nodeAt(p.x, p.y), x: p.x, y: p.y, moved: false };
    canvas.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    const p = local(e);
    if (drag) {
      if (!drag.moved && Math.abs(p.x - drag.x) + Math.abs(p.y - drag.y) < 4) return;
      drag.moved = true;
      if (drag.node) {
        unbake(drag.node);
        labelsFor = '';
        drag.node.x = toWorldX(p.x);
        drag.node.y = toWorldY(p.y);
        layout?.pin(drag.node, drag.node.x, drag.node.y);
        schedule();
      } else {
        fitted = true;
        view.x -= (p.x - drag.x) / view.scale;
        view.y -= (p.y - drag.y) / view.scale;
        moving();
      }
      drag.x = p.x;
      drag.y = p.y;
      return;
    }
    const n = nodeAt(p.x, p.y);
    if (n !== hovered) {
      hovered = n;
      canvas.style.cursor = n ? 'pointer' : 'default';
      schedule();
    }
    showTooltip(n, p.x, p.y);
  };
  const onUp = (e: PointerEvent) => {
    const d = drag;
    drag = undefined;
    if (!d) return;
    if (d.node && d.moved) {
      if (!layout?.running) bake([d.node]);
      if (layout) {
        layout.unpin(d.node);
        layout.reheat(0.05);
      } else {
        // No layout yet (a kept picture): the dragged node just stays where it was dropped.
        options.onPositions?.(api.positions());
      }
      schedule();
      if (layout) options.onPositions?.(api.positions());
    } else if (d.node && !d.moved) options.onOpen?.(d.node.id, e.ctrlKey || e.metaKey);
  };
  const onLeave = () => {
    hovered = undefined;
    tooltip.hidden = true;
    schedule();
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const p = local(e);
    // Trackpads send pinch as a wheel with ctrlKey and small deltas; both zoom.
    const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015));
    zoomAround(p.x, p.y, factor);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = 60;
    if (e.key === '+' || e.key === '=') api.zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') api.zoomBy(0.8);
    else if (e.key === 'ArrowLeft') api.panBy(step, 0);
    else if (e.key === 'ArrowRight') api.panBy(-step, 0);
    else if (e.key === 'ArrowUp') api.panBy(0, step);
    else if (e.key === 'ArrowDown') api.panBy(0, -step);
    else if (e.key === '0') api.fit();
    else return;
    e.preventDefault();
  };

  function zoomAround(sx: number, sy: number, factor: number): void {
    fitted = true;
    const wx = toWorldX(sx);
    const wy = toWorldY(sy);
    view.scale = Math.min(8, Math.max(0.02, view.scale * factor));
    view.x = wx - (sx - width / 2) / view.scale;
    view.y = wy - (sy - height / 2) / view.scale;
    moving();
  }

  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('keydown', onKey);
  if (!canvas.hasAttribute('tabindex')) canvas.tabIndex = 0;
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  resize();

  const api: GraphRenderer = {
    get nodeCount() {
      return nodes.size;
    },
    get edgeCount() {
      return edges.length;
    },
    update(diff) {
      // What changed is repainted in the cached layers where it was and where it is; the rest stays.
      const edgeBoxes: Box[] = [];
      const nodeBoxes: Box[] = [];
      if (diff.groups) {
        legend = diff.groups;
        refill(diff.regroup);
      }
      // The legend renumbered: every node's number follows (its colour, by its group's name, stays).
      const regroup = diff.regroup;
      if (regroup) for (const n of nodes.values()) if (n.data.group >= 0) n.data = { ...n.data, group: regroup[n.data.group] ?? -1 };
      let ranks = diff.removeNodes.length > 0;
      // A renamed note's new node starts where the old one was, and is not placed afresh.
      const movedFrom = new Map<string, DrawnNode>();
      for (const [from, to] of diff.renamed ?? []) {
        const n = nodes.get(from);
        if (n) movedFrom.set(to, n);
      }
      const resized: DrawnNode[] = [];
      for (const id of diff.removeNodes) {
        const n = nodes.get(id);
        if (!n) continue;
        if (n === hovered) hovered = undefined;
        if (n === active) active = undefined;
        if (drag?.node === n) drag.node = undefined;
        nodeBoxes.push(nodeBox(n));
        for (const e of [...n.out.values()]) {
          edgeBoxes.push(edgeBox(e));
          removeEdge(e);
        }
        for (const s of [...n.inn]) {
          const e = s.out.get(n)!;
          edgeBoxes.push(edgeBox(e));
          removeEdge(e);
        }
        nodes.delete(id);
        live.delete(n);
      }
      const added: DrawnNode[] = [];
      for (const g of diff.upsertNodes) {
        const before = nodes.get(g.id);
        const radius = before?.radius;
        const look = before && `${before.data.type}|${before.data.group}`;
        const was = movedFrom.get(g.id);
        const n = addNode(g, was?.x, was?.y);
        if (!before && !was) added.push(n);
        else if (!before) nodeBoxes.push(nodeBox(n)); // renamed: drawn into the layer where it was
        else if (radius !== n.radius || look !== `${g.type}|${g.group}`) {
          // Drawn larger or smaller, or in another colour: where it is, at the old size and the new.
          const r = Math.max(radius ?? 0, n.radius);
          nodeBoxes.push(nodeBox({ ...n, radius: r }));
        }
        if (!before) ranks = true;
        else if (radius !== n.radius) resized.push(n);
      }
      const newEdges: DrawnEdge[] = [];
      for (const [s, t] of diff.removeEdges) {
        const e = nodes.get(s)?.out.get(nodes.get(t)!);
        if (!e) continue;
        edgeBoxes.push(edgeBox(e));
        removeEdge(e);
      }
      for (const e of diff.upsertEdges) {
        const s = nodes.get(e.source);
        const t = nodes.get(e.target);
        if (!s || !t) continue;
        const before = s.out.get(t);
        if (before && before.kind !== e.kind) edgeBoxes.push(edgeBox(before));
        addEdge(s, t, e.kind);
        if (!before) newEdges.push(s.out.get(t)!);
      }
      if (ranks) rankLargest();
      else if (resized.length) rerank(resized);
      labelsFor = '';
      // New nodes are drawn live while they settle; a new edge between nodes already drawn is
      // stroked onto the edge layer (the removals swapped edges in the layer's fill order: a layer
      // still filling starts over).
      for (const n of added) live.add(n);
      if (!edgeLayer.complete) {
        if (edgeBoxes.length) edgeLayer.key = '';
      } else {
        repaint(edgeLayer, edgeBoxes);
        strokeEdges(edgeLayer.ctx, newEdges.filter(e => !live.has(e.source) && !live.has(e.target)), colors.edge, EDGE_ALPHA);
      }
      repaint(nodeLayer, nodeBoxes);
      // New nodes start beside a neighbour and settle while the rest stays still; nothing else moves.
      if (added.length) {
        placeFresh(added);
        settleFresh(new Set(added));
      }
      if (diff.center !== undefined) api.setActive(diff.center);
      schedule();
    },
    setActive(id) {
      active = id === undefined ? undefined : nodes.get(id);
      if (active) {
        const sx = toScreenX(active.x);
        const sy = toScreenY(active.y);
        if (sx < 40 || sy < 40 || sx > width - 40 || sy > height - 40) {
          view.x = active.x;
          view.y = active.y;
        }
      }
      schedule();
    },
    setHighlight(ids) {
      highlight = ids;
      schedule();
    },
    setColors(c) {
      colors = c;
      fills = groupFills(legend, colors, slotsKept);
      invalidateLayers();
    },
    groupColor(group) {
      return fills[group] ?? colors.ungrouped;
    },
    relayout() {
      const all = [...nodes.values()];
      for (const n of all) n.fx = n.fy = undefined;
      placeNodes(all, [], new Map());
      pinnedForSettling = false;
      fitted = false;
      driver().run(all, edges, new Set(), 1);
      api.fit();
    },
    positions() {
      const out: Record<string, [number, number]> = {};
      for (const n of nodes.values()) out[n.id] = [Math.round(n.x * 10) / 10, Math.round(n.y * 10) / 10];
      return out;
    },
    screenPosition(id) {
      const n = nodes.get(id);
      return n ? { x: toScreenX(n.x), y: toScreenY(n.y) } : undefined;
    },
    node(id) {
      return nodes.get(id)?.data;
    },
    nodes() {
      return [...nodes.values()].map(n => n.data);
    },
    neighbours(id) {
      const n = nodes.get(id);
      return n ? [...new Set([...n.out.keys(), ...n.inn])].map(m => m.id) : [];
    },
    layoutRunsIn() {
      return layout?.where;
    },
    labels() {
      return placed.map(({ id, x, y, width: w, height: h }) => ({ id, x, y, width: w, height: h }));
    },
    zoomBy(factor) {
      zoomAround(width / 2, height / 2, factor);
    },
    panBy(dx, dy) {
      fitted = true;
      view.x -= dx / view.scale;
      view.y -= dy / view.scale;
      moving();
    },
    fit() {
      if (nodes.size === 0) return;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const n of nodes.values()) {
        minX = Math.min(minX, n.x);
        maxX = Math.max(maxX, n.x);
        minY = Math.min(minY, n.y);
        maxY = Math.max(maxY, n.y);
      }
      view.x = (minX + maxX) / 2;
      view.y = (minY + maxY) / 2;
      view.scale = Math.min(4, Math.max(0.02, 0.85 * Math.min(width / Math.max(1, maxX - minX + 40), height / Math.max(1, maxY - minY + 40))));
      schedule();
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      layout?.destroy();
      observer.disconnect();
      tooltip.remove();
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('wheel', onWheel);
      canvas.removeEventListener('keydown', onKey);
    },
  };
  // Before the first frame: the kept picture, or the starting disc, fills the view.
  api.fit();
  return api;
}
