/// <reference lib="dom" />
// The graph's renderer: a plain browser module (no VS Code API), so the extension's panel and a
// published site draw the same picture. Canvas 2D, measured faster than sigma's WebGL where the
// GPU is software (README, "Graph"); level of detail while the view moves (edges and labels off,
// only the largest nodes past 2,000), drawing once per animation frame so input never waits.
// It draws straight from the packed graph (src/core/graph/packedGraph.ts) and kept positions,
// before any layout work; the layout runs in a web worker when the page gives one (layoutWorker.ts),
// else a few milliseconds at a time between frames; a diff changes only the nodes and edges it names.
import type { GraphData, GraphNode } from '../../../src/core/graph/graphData';
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
  /** Called with the duration of each drawn frame (ms) and whether it was drawn in level of detail. */
  readonly onFrame?: (ms: number, reduced: boolean) => void;
  /** A web worker running layoutWorker.ts; without one the layout runs on the page between frames. */
  readonly worker?: () => Worker;
}

export interface GraphRenderer {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Apply a change without touching the rest of the picture. */
  update(diff: GraphDiff): void;
  /** The active note: ringed, its neighbourhood labelled, kept in view. */
  setActive(id: string | undefined): void;
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
  let placed: { id: string; x: number; y: number; width: number; height: number }[] = [];

  const tooltip = document.createElement('div');
  tooltip.className = 'mg-graph-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  canvas.parentElement?.appendChild(tooltip);

  const radiusOf = (n: GraphNode) => Math.min(24, 3 + 1.6 * Math.sqrt(Math.max(0, n.weight)));
  const colorOf = (n: GraphNode) => (n.group >= 0 ? colors.palette[n.group % colors.palette.length] : colors.ungrouped);
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
    largest = nodes.size > REDUCED_ABOVE ? [...nodes.values()].sort((a, b) => b.radius - a.radius).slice(0, REDUCED_ABOVE) : [];
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

  function draw(): void {
    frame = 0;
    const started = performance.now();
    const running = layout?.running ?? false;
    layout?.frame();
    const wasRunning = layoutWasRunning || running;
    const nowRunning = layout?.running ?? false;
    if (wasRunning && !nowRunning) {
      if (!pinnedForSettling && !fitted) api.fit();
      fitted = true;
      pinnedForSettling = false;
      options.onPositions?.(api.positions());
    }
    layoutWasRunning = nowRunning;
    // Big graphs are drawn in level of detail while the view moves or the layout runs.
    const reduced = nodes.size > REDUCED_ABOVE && (performance.now() < movingUntil || nowRunning);

    ctx!.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx!.fillStyle = colors.background;
    ctx!.fillRect(0, 0, width, height);
    const focus = hovered ?? undefined;

    if (!reduced) drawEdges(focus);
    drawNodes(reduced ? largest : nodes.values(), focus);
    if (!reduced) drawLabels(focus);
    const ms = performance.now() - started;
    options.onFrame?.(ms, reduced);
    if (nowRunning || performance.now() < movingUntil) schedule();
  }

  function drawEdges(focus: DrawnNode | undefined): void {
    const c = ctx!;
    c.lineWidth = Math.max(0.5, Math.min(1.5, view.scale));
    // Only edges with an end in view (or crossing it) are stroked.
    const x0 = toWorldX(0), x1 = toWorldX(width), y0 = toWorldY(0), y1 = toWorldY(height);
    for (const kind of EDGE_KINDS) {
      c.setLineDash(kind === 'embed' ? [6, 3] : kind === 'property' ? [2, 3] : kind === 'tag' ? [1, 2] : []);
      c.strokeStyle = colors.edge;
      c.globalAlpha = focus ? 0.12 : 0.55;
      c.beginPath();
      for (const e of edges) {
        if (e.kind !== kind) continue;
        if (focus && (e.source === focus || e.target === focus)) continue;
        const s = e.source, t = e.target;
        if ((s.x < x0 && t.x < x0) || (s.x > x1 && t.x > x1) || (s.y < y0 && t.y < y0) || (s.y > y1 && t.y > y1)) continue;
        c.moveTo(toScreenX(s.x), toScreenY(s.y));
        c.lineTo(toScreenX(t.x), toScreenY(t.y));
      }
      c.stroke();
      if (focus) {
        c.globalAlpha = 1;
        c.strokeStyle = colors.accent;
        c.beginPath();
        for (const t of focus.out.values()) if (t.kind === kind) {
          c.moveTo(toScreenX(focus.x), toScreenY(focus.y));
          c.lineTo(toScreenX(t.target.x), toScreenY(t.target.y));
        }
        for (const s of focus.inn) if (s.out.get(focus)?.kind === kind) {
          c.moveTo(toScreenX(s.x), toScreenY(s.y));
          c.lineTo(toScreenX(focus.x), toScreenY(focus.y));
        }
        c.stroke();
      }
    }
    c.setLineDash([]);
    c.globalAlpha = 1;
  }

  /** Nodes batched by fill: one path per colour (and dimming), not one per node. */
  function drawNodes(list: Iterable<DrawnNode>, focus: DrawnNode | undefined): void {
    const c = ctx!;
    const batches = new Map<string, { fill: string; alpha: number; placeholder: boolean; items: DrawnNode[] }>();
    const rings: DrawnNode[] = [];
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
      if (!b) batches.set(key, (b = { fill, alpha: dim ? 0.15 : 1, placeholder, items: [] }));
      b.items.push(n);
      if (n === active || highlight.has(n.id)) rings.push(n);
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
    for (const n of rings) {
      const r = Math.max(1.5, n.radius * scaleR);
      c.strokeStyle = colors.accent;
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
    const scaleR = Math.sqrt(view.scale);
    const candidates: { n: DrawnNode; always: boolean; r: number; sx: number; sy: number }[] = [];
    for (const n of nodes.values()) {
      const r = Math.max(1.5, n.radius * scaleR);
      const always = n === focus || n === active || (focus !== undefined && isNear(focus, n)) || (active !== undefined && isNear(active, n)) || highlight.has(n.id);
      if (!always && 2 * r < labelAt) continue;
      const sx = toScreenX(n.x);
      const sy = toScreenY(n.y);
      if (sx < -100 || sy < -20 || sx > width + 100 || sy > height + 20) continue;
      candidates.push({ n, always, r, sx, sy });
    }
    candidates.sort((a, b) => Number(b.always) - Number(a.always) || (b.n === focus || b.n === active ? 1 : 0) - (a.n === focus || a.n === active ? 1 : 0) || b.r - a.r);
    // A grid of placed boxes: a new box is checked against the cells it covers only.
    const cell = 64;
    const grid = new Map<number, { x: number; y: number; w: number; h: number }[]>();
    const cellsOf = (x: number, y: number, w: number, h: number) => {
      const out: number[] = [];
      for (let gx = Math.floor(x / cell); gx <= Math.floor((x + w) / cell); gx++) for (let gy = Math.floor(y / cell); gy <= Math.floor((y + h) / cell); gy++) out.push(gx * 100003 + gy);
      return out;
    };
    placed = [];
    c.fillStyle = colors.foreground;
    for (const { n, always, r, sx, sy } of candidates) {
      const text = n.data.title.length > 40 ? n.data.title.slice(0, 39) + '…' : n.data.title;
      n.labelWidth ??= c.measureText(text).width;
      const box = { x: sx - n.labelWidth / 2 - 2, y: sy + r + 1, w: n.labelWidth + 4, h: LABEL_HEIGHT };
      const cells = cellsOf(box.x, box.y, box.w, box.h);
      const hit = cells.some(k => grid.get(k)?.some(b => b.x < box.x + box.w && box.x < b.x + b.w && b.y < box.y + box.h && box.y < b.y + b.h));
      if (hit) continue;
      for (const k of cells) {
        let list = grid.get(k);
        if (!list) grid.set(k, (list = []));
        list.push(box);
      }
      c.globalAlpha = focus && !always ? 0.15 : 1;
      c.fillText(text, sx, sy + r + 2);
      placed.push({ id: n.id, x: box.x, y: box.y, width: box.w, height: box.h });
    }
    c.globalAlpha = 1;
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
      let ranks = diff.removeNodes.length > 0;
      // A renamed note's new node starts where the old one was, and is not placed afresh.
      const movedFrom = new Map<string, DrawnNode>();
      for (const [from, to] of diff.renamed ?? []) {
        const n = nodes.get(from);
        if (n) movedFrom.set(to, n);
      }
      for (const id of diff.removeNodes) {
        const n = nodes.get(id);
        if (!n) continue;
        if (n === hovered) hovered = undefined;
        if (n === active) active = undefined;
        for (const e of [...n.out.values()]) removeEdge(e);
        for (const s of [...n.inn]) removeEdge(s.out.get(n)!);
        nodes.delete(id);
      }
      const added: DrawnNode[] = [];
      for (const g of diff.upsertNodes) {
        const before = nodes.get(g.id);
        const was = movedFrom.get(g.id);
        const n = addNode(g, was?.x, was?.y);
        if (!before && !was) added.push(n);
        if (!before || before.radius !== n.radius) ranks = true;
      }
      for (const [s, t] of diff.removeEdges) {
        const e = nodes.get(s)?.out.get(nodes.get(t)!);
        if (e) removeEdge(e);
      }
      for (const e of diff.upsertEdges) {
        const s = nodes.get(e.source);
        const t = nodes.get(e.target);
        if (s && t) addEdge(s, t, e.kind);
      }
      if (ranks) rankLargest();
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
      schedule();
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
      return placed.slice();
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
