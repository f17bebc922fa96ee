/// <reference lib="dom" />
// The graph's renderer: a plain browser module (no VS Code API), so the extension's panel and a
// published site draw the same picture. Canvas 2D, measured faster than sigma's WebGL where the
// GPU is software (README, "Graph"); level of detail while the view moves (edges and labels off,
// only the largest nodes past 2,000), drawing once per animation frame so input never waits.
import type { GraphData, GraphNode } from '../../../src/core/graph/graphData';
import type { GraphDiff } from '../../../src/core/graph/graphDiff';
import { createLayout, placeNodes, type Layout, type LayoutNode } from './layout';

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
  /** Positions kept from last time (`id -> [x, y]`): drawn as they were, nothing moves. */
  readonly positions?: Readonly<Record<string, readonly [number, number]>>;
  /** Labels appear once a node is this many pixels wide on screen (default 9). */
  readonly labelAt?: number;
  readonly onOpen?: (id: string, toSide: boolean) => void;
  /** The layout settled or a node was dragged: the positions to keep. */
  readonly onPositions?: (positions: Record<string, [number, number]>) => void;
  /** Called with the duration of each drawn frame (ms) and whether it was drawn in level of detail. */
  readonly onFrame?: (ms: number, reduced: boolean) => void;
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
  neighbours: Set<DrawnNode>;
}

interface DrawnEdge {
  source: DrawnNode;
  target: DrawnNode;
  kind: GraphData['edges'][number]['kind'];
}

const REDUCED_ABOVE = 2000;
const SETTLE_DELAY = 160;
const LAYOUT_BUDGET = 8;

export function createGraphRenderer(canvas: HTMLCanvasElement, data: GraphData, options: GraphRendererOptions): GraphRenderer {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('Canvas 2D is not available');
  let colors = options.colors;
  const labelAt = options.labelAt ?? 9;
  const nodes = new Map<string, DrawnNode>();
  let edges: DrawnEdge[] = [];
  let edgeKeys = new Map<string, DrawnEdge>();
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

  const tooltip = document.createElement('div');
  tooltip.className = 'mg-graph-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  canvas.parentElement?.appendChild(tooltip);

  const radiusOf = (n: GraphNode) => Math.min(24, 3 + 1.6 * Math.sqrt(Math.max(0, n.weight)));
  const colorOf = (n: GraphNode) => (n.group >= 0 ? colors.palette[n.group % colors.palette.length] : colors.ungrouped);

  function addNode(g: GraphNode): DrawnNode {
    const existing = nodes.get(g.id);
    if (existing) {
      existing.data = g;
      existing.radius = radiusOf(g);
      return existing;
    }
    const n: DrawnNode = { id: g.id, x: 0, y: 0, data: g, radius: radiusOf(g), neighbours: new Set() };
    nodes.set(g.id, n);
    return n;
  }

  function rebuildEdges(list: readonly GraphData['edges'][number][]): void {
    for (const n of nodes.values()) n.neighbours.clear();
    edges = [];
    edgeKeys = new Map();
    for (const e of list) {
      const s = nodes.get(e.source);
      const t = nodes.get(e.target);
      if (!s || !t) continue;
      const d: DrawnEdge = { source: s, target: t, kind: e.kind };
      edges.push(d);
      edgeKeys.set(`${e.source}\u0000${e.target}`, d);
      s.neighbours.add(t);
      t.neighbours.add(s);
    }
  }

  function rankLargest(): void {
    largest = [...nodes.values()].sort((a, b) => b.radius - a.radius).slice(0, REDUCED_ABOVE);
  }

  for (const g of data.nodes) addNode(g);
  rebuildEdges(data.edges);
  rankLargest();
  const kept = new Map(Object.entries(options.positions ?? {}));
  const fresh = placeNodes([...nodes.values()], data.edges, kept);
  const layout: Layout = createLayout([...nodes.values()], [...data.edges]);
  let pinnedForSettling = false;
  /** A first layout from scratch is fitted to the view once it settles (the user has not moved it since). */
  let fitted = false;
  let layoutWasRunning = false;
  settleFresh(fresh, nodes.size);

  /** New nodes settle in; when some were kept, those stay pinned meanwhile. */
  function settleFresh(fresh: LayoutNode[], total: number): void {
    if (fresh.length === 0) return;
    if (fresh.length < total) {
      const freshSet = new Set(fresh);
      for (const n of nodes.values()) if (!freshSet.has(n)) layout.pin(n, n.x, n.y);
      pinnedForSettling = true;
      layout.reheat(0.3);
    } else layout.reheat(1);
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
    if (layout.running) layout.step(LAYOUT_BUDGET);
    if (layoutWasRunning && !layout.running) {
      if (!pinnedForSettling && !fitted) api.fit();
      fitted = true;
      pinnedForSettling = false;
      options.onPositions?.(api.positions());
    }
    layoutWasRunning = layout.running;
    const reduced = nodes.size > REDUCED_ABOVE && performance.now() < movingUntil;

    ctx!.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx!.fillStyle = colors.background;
    ctx!.fillRect(0, 0, width, height);
    const focus = hovered ?? undefined;
    const near = focus ? focus.neighbours : undefined;

    if (!reduced) drawEdges(focus);
    const list = reduced ? largest : nodes.values();
    for (const n of list) {
      const sx = toScreenX(n.x);
      const sy = toScreenY(n.y);
      const r = Math.max(1.5, n.radius * Math.sqrt(view.scale));
      if (sx < -r || sy < -r || sx > width + r || sy > height + r) continue;
      const dim = focus !== undefined && n !== focus && !near!.has(n);
      ctx!.globalAlpha = dim ? 0.15 : 1;
      drawNode(n, sx, sy, r);
    }
    ctx!.globalAlpha = 1;
    if (!reduced) drawLabels(focus, near);
    const ms = performance.now() - started;
    options.onFrame?.(ms, reduced);
    if (layout.running || performance.now() < movingUntil) schedule();
  }

  function drawEdges(focus: DrawnNode | undefined): void {
    const c = ctx!;
    c.lineWidth = Math.max(0.5, Math.min(1.5, view.scale));
    for (const kind of ['link', 'embed', 'property', 'tag'] as const) {
      c.setLineDash(kind === 'embed' ? [6, 3] : kind === 'property' ? [2, 3] : kind === 'tag' ? [1, 2] : []);
      c.strokeStyle = colors.edge;
      c.globalAlpha = focus ? 0.12 : 0.55;
      c.beginPath();
      for (const e of edges) {
        if (e.kind !== kind) continue;
        if (focus && (e.source === focus || e.target === focus)) continue;
        c.moveTo(toScreenX(e.source.x), toScreenY(e.source.y));
        c.lineTo(toScreenX(e.target.x), toScreenY(e.target.y));
      }
      c.stroke();
      if (focus) {
        c.globalAlpha = 1;
        c.strokeStyle = colors.accent;
        c.beginPath();
        for (const e of edges) {
          if (e.kind !== kind || (e.source !== focus && e.target !== focus)) continue;
          c.moveTo(toScreenX(e.source.x), toScreenY(e.source.y));
          c.lineTo(toScreenX(e.target.x), toScreenY(e.target.y));
        }
        c.stroke();
      }
    }
    c.setLineDash([]);
    c.globalAlpha = 1;
  }

  function drawNode(n: DrawnNode, sx: number, sy: number, r: number): void {
    const c = ctx!;
    const fill = colorOf(n.data);
    c.beginPath();
    if (n.data.type === 'tag') {
      c.moveTo(sx, sy - r);
      c.lineTo(sx + r, sy);
      c.lineTo(sx, sy + r);
      c.lineTo(sx - r, sy);
      c.closePath();
    } else if (n.data.type === 'attachment') c.rect(sx - r, sy - r, 2 * r, 2 * r);
    else c.arc(sx, sy, r, 0, 2 * Math.PI);
    if (n.data.type === 'placeholder') {
      c.fillStyle = colors.background;
      c.fill();
      c.strokeStyle = colors.foreground;
      c.lineWidth = 1;
      c.setLineDash([2, 2]);
      c.stroke();
      c.setLineDash([]);
    } else {
      c.fillStyle = n.data.type === 'tag' ? colors.foreground : fill;
      c.fill();
    }
    if (n === active || highlight.has(n.id)) {
      c.strokeStyle = colors.accent;
      c.lineWidth = n === active ? 3 : 2;
      c.beginPath();
      c.arc(sx, sy, r + 3, 0, 2 * Math.PI);
      c.stroke();
    }
  }

  function drawLabels(focus: DrawnNode | undefined, near: Set<DrawnNode> | undefined): void {
    const c = ctx!;
    c.font = '12px var(--vscode-font-family, system-ui, sans-serif)';
    c.textAlign = 'center';
    c.textBaseline = 'top';
    c.fillStyle = colors.foreground;
    for (const n of nodes.values()) {
      const r = Math.max(1.5, n.radius * Math.sqrt(view.scale));
      const always = n === focus || n === active || near?.has(n) || (active?.neighbours.has(n) ?? false) || highlight.has(n.id);
      if (!always && 2 * r < labelAt) continue;
      const sx = toScreenX(n.x);
      const sy = toScreenY(n.y);
      if (sx < -100 || sy < -20 || sx > width + 100 || sy > height + 20) continue;
      c.globalAlpha = focus && !always ? 0.15 : 1;
      c.fillText(n.data.title.length > 40 ? n.data.title.slice(0, 39) + '…' : n.data.title, sx, sy + r + 2);
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
        layout.pin(drag.node, drag.node.x, drag.node.y);
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
      layout.unpin(d.node);
      layout.reheat(0.05);
      schedule();
      options.onPositions?.(api.positions());
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
      for (const id of diff.removeNodes) {
        const n = nodes.get(id);
        if (n === hovered) hovered = undefined;
        if (n === active) active = undefined;
        nodes.delete(id);
      }
      const before = new Set(nodes.keys());
      for (const g of diff.upsertNodes) addNode(g);
      const list = [...edgeKeys.entries()]
        .map(([, e]) => ({ source: e.source.id, target: e.target.id, kind: e.kind, count: 1 }))
        .filter(e => nodes.has(e.source) && nodes.has(e.target));
      const byKey = new Map(list.map(e => [`${e.source}\u0000${e.target}`, e]));
      for (const [s, t] of diff.removeEdges) byKey.delete(`${s}\u0000${t}`);
      for (const e of diff.upsertEdges) byKey.set(`${e.source}\u0000${e.target}`, e);
      rebuildEdges([...byKey.values()]);
      rankLargest();
      const added = [...nodes.values()].filter(n => !before.has(n.id));
      const known = new Map([...nodes.values()].filter(n => before.has(n.id)).map(n => [n.id, [n.x, n.y] as const]));
      placeNodes(added, [...byKey.values()], known);
      layout.reset([...nodes.values()], [...byKey.values()]);
      settleFresh(added, nodes.size);
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
      for (const n of all) layout.unpin(n);
      placeNodes(all, edges.map(e => ({ source: e.source.id, target: e.target.id })), new Map());
      layout.reheat(1);
      pinnedForSettling = false;
      fitted = false;
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
