/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The graph panel's script in VS Code: the controls, the legend and the message glue around the
// plain renderer (renderer.ts). Everything from a note reaches the page as text (textContent).
import type { GraphData, GraphGroup, GraphNode } from '../../../src/core/graph/graphData';
import { applyGraphDiff } from '../../../src/core/graph/graphDiff';
import { groupKey, legendSlots } from '../../../src/core/graph/groupColors';
import { unpackGraph, type PackedGraph } from '../../../src/core/graph/packedGraph';
import { createGraphRenderer, groupFills, mixColors, type GraphColors, type GraphRenderer } from './renderer';
import layoutWorkerSource from './layoutWorker?worker';
import type { FromGraphWebview, GraphViewState, ToGraphWebview } from './messages';
import { DEFAULT_VIEW } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: FromGraphWebview): void };

/** For the bench: when this script began to run (epoch ms, the clock the host logs in). */
const scriptAt = performance.timeOrigin + performance.now();

const vscode = acquireVsCodeApi();
const post = (m: FromGraphWebview) => vscode.postMessage(m);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const canvas = $<HTMLCanvasElement>('mg-graph-canvas');
const count = $('mg-graph-count');
const legend = $('mg-graph-legend');
const problem = $('mg-graph-problem');
const fallback = $('mg-graph-fallback');
const filter = $<HTMLInputElement>('mg-graph-filter');
const search = $<HTMLInputElement>('mg-graph-search');
const depth = $<HTMLSelectElement>('mg-graph-depth');
const groupBy = $<HTMLSelectElement>('mg-graph-group');
const sizeBy = $<HTMLSelectElement>('mg-graph-size');
const views = $<HTMLSelectElement>('mg-graph-views');
const toggles = ['placeholders', 'tags', 'attachments', 'orphans'] as const;

let renderer: GraphRenderer | undefined;
/** The last whole picture, as it came; the renderer holds the live one (diffs applied). */
let graph: PackedGraph | undefined;
let legendGroups: readonly GraphGroup[] = [];
/** Only when nothing could be drawn: the picture as data, for the fallback list. */
let fallbackData: GraphData | undefined;
let workerUrl: string | undefined;
/** Palette slots of groups by name, as the extension keeps them (from one opening to the next). */
const groupSlots = new Map<string, number>();
const keepSlots = (groups: readonly GraphGroup[], slots: readonly number[] | undefined) => groups.forEach((g, i) => slots?.[i] !== undefined && slots[i] >= 0 && groupSlots.set(groupKey(g.name), slots[i]));
let state: GraphViewState = DEFAULT_VIEW;
let active: string | undefined;
const opened = performance.now();
let firstFrameMs = -1;
let longestFrameMs = 0;
let frames = 0;
/**
 * For the bench (bench/graphVscode.mjs reads them through `marginaliaGraph.timings()`): the last
 * frames drawn and diffs applied, stamped on the epoch clock (`performance.timeOrigin + now`,
 * the clock the extension host logs in), a bounded record.
 */
interface FrameTiming { readonly at: number; readonly ms: number; readonly reduced: boolean; readonly complete: boolean }
const RECENT = 600;
const recentFrames: FrameTiming[] = [];
const recentDiffs: { readonly at: number; readonly appliedMs: number }[] = [];
let firstFrameAt: number | undefined;
let firstWholeAt: number | undefined;
/** When the first whole picture arrived, and when it had been drawn into the renderer (epoch ms). */
let graphReceivedAt: number | undefined;
let graphTakenAt: number | undefined;
const epochNow = () => performance.timeOrigin + performance.now();
function remember<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT) list.splice(0, list.length - RECENT);
}

function themeColors(): GraphColors {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallbackColor: string) => css.getPropertyValue(name).trim() || fallbackColor;
  const palette = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((c, i) =>
    v(`--vscode-charts-${c}`, ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'][i]));
  palette.push('#4ec9b0', '#ce9178', '#9cdcfe', '#c586c0'); // GROUP_PALETTE_SIZE (groupColors.ts) colours in all
  const background = v('--vscode-editor-background', '#1e1e1e');
  return {
    background,
    foreground: v('--vscode-editor-foreground', '#cccccc'),
    edge: v('--vscode-editorLineNumber-foreground', '#858585'),
    accent: v('--vscode-focusBorder', '#007fd4'),
    palette,
    // Muted halfway to the background: in a vault of hundreds of groups most nodes are neutral.
    ungrouped: mixColors(v('--vscode-descriptionForeground', '#9d9d9d'), background, 0.45),
  };
}

function readControls(): GraphViewState {
  const flag = (name: string) => $<HTMLInputElement>(`mg-graph-${name}`).checked;
  return {
    depth: Number(depth.value) || 1,
    placeholders: flag('placeholders'),
    tags: flag('tags'),
    attachments: flag('attachments'),
    orphans: flag('orphans'),
    groupBy: groupBy.value as GraphViewState['groupBy'],
    sizeBy: sizeBy.value as GraphViewState['sizeBy'],
    filter: filter.value,
  };
}

function showControls(s: GraphViewState): void {
  depth.value = String(s.depth);
  for (const t of toggles) $<HTMLInputElement>(`mg-graph-${t}`).checked = s[t];
  groupBy.value = s.groupBy;
  sizeBy.value = s.sizeBy;
  if (document.activeElement !== filter) filter.value = s.filter;
}

/** The nodes now shown (the renderer's, or the fallback's). */
function shownNodes(): GraphNode[] {
  return renderer ? renderer.nodes() : fallbackData?.nodes.slice() ?? [];
}

function showCounts(): void {
  const all = shownNodes();
  const edges = renderer ? renderer.edgeCount : fallbackData?.edges.length ?? 0;
  const notes = all.filter(n => n.type === 'note').length;
  count.textContent = `${notes} ${notes === 1 ? 'note' : 'notes'} · ${all.length} nodes · ${edges} links`;
  count.dataset['nodes'] = String(all.length);
  count.dataset['edges'] = String(edges);
}

function showLegend(colors: GraphColors): void {
  legend.replaceChildren();
  const fills = groupFills(legendGroups, colors, groupSlots);
  // Groups past the palette's largest are drawn in the neutral colour: one row says how many.
  const slots = legendSlots(legendGroups, colors.palette.length, groupSlots);
  const neutral = (i: number) => legendGroups[i].color === undefined && slots[i] < 0;
  // Folders and first tags listed largest first (a vault can have hundreds of first tags, in the
  // order they were met); groups from the settings keep the order the user gave them.
  const order = legendGroups.map((_, i) => i);
  if (shownState.groupBy !== 'queries') order.sort((a, b) => legendGroups[b].count - legendGroups[a].count);
  const row = (fill: string, text: string) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'mg-swatch';
    swatch.style.background = fill;
    const label = document.createElement('span');
    label.textContent = text;
    item.append(swatch, label);
    legend.append(item);
    return item;
  };
  for (const i of order) if (!neutral(i)) row(fills[i], `${legendGroups[i].name} (${legendGroups[i].count})`);
  const rest = order.filter(neutral);
  if (rest.length) {
    const nodes = rest.reduce((sum, i) => sum + legendGroups[i].count, 0);
    row(colors.ungrouped, `${rest.length} more ${rest.length === 1 ? 'group' : 'groups'} (${nodes})`).classList.add('mg-legend-rest');
  }
}

/** How many times the user changed the controls here (sent as `seq`; the host echoes the last it saw). */
let stateSeq = 0;

/** Why the canvas cannot draw, once it could not: the panel then shows the fallback list. */
let fallbackReason: string | undefined;

/** No canvas (or it failed): the active note and its neighbours as a list a keyboard can walk. */
function showFallback(reason: string): void {
  fallbackReason = reason;
  const data = (fallbackData ??= graph ? unpackGraph(graph) : { nodes: [], edges: [], groups: [] });
  canvas.hidden = true;
  fallback.hidden = false;
  const note = document.createElement('p');
  note.textContent = `The graph cannot be drawn here (${reason}). The notes near the active one:`;
  const list = document.createElement('ul');
  list.setAttribute('aria-label', 'Notes near the active one');
  const center = active !== undefined && data.nodes.some(n => n.id === active) ? active : data.center;
  const near = new Set<string>(center ? [center] : data.nodes.slice(0, 200).map(n => n.id));
  if (center) for (const e of data.edges) {
    if (e.source === center) near.add(e.target);
    if (e.target === center) near.add(e.source);
  }
  const buttons: HTMLButtonElement[] = [];
  for (const n of data.nodes.filter(x => near.has(x.id))) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.textContent = n.title;
    button.title = n.id;
    if (n.id === center) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', e => post({ type: 'open', id: n.id, toSide: e.ctrlKey || e.metaKey }));
    item.append(button);
    list.append(item);
    buttons.push(button);
  }
  // Tab reaches the list once; the arrows, Home and End walk it.
  buttons.forEach((b, i) => (b.tabIndex = i === 0 ? 0 : -1));
  list.addEventListener('keydown', e => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : -2;
    if (to === -2 || at < 0) return;
    e.preventDefault();
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, to))];
    buttons[at].tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  fallback.replaceChildren(note, list);
}

function highlightSearch(): void {
  const text = search.value.trim().toLowerCase();
  const ids = new Set<string>(text ? shownNodes().filter(n => n.title.toLowerCase().includes(text) || n.id.toLowerCase().includes(text)).map(n => n.id) : []);
  renderer?.setHighlight(ids);
}

/** The layout's worker, from its bundled source through a blob: URL (the CSP allows worker-src blob:). */
function layoutWorker(): Worker {
  workerUrl ??= URL.createObjectURL(new Blob([layoutWorkerSource], { type: 'text/javascript' }));
  return new Worker(workerUrl);
}

/** The count of control changes the picture drawn answers, and the controls it was built for (UI tests wait for them). */
let shownSeq = 0;
let shownState: GraphViewState = DEFAULT_VIEW;

function draw(message: Extract<ToGraphWebview, { type: 'graph' }>): void {
  graph = message.graph;
  shownSeq = message.seq ?? 0;
  shownState = message.state;
  legendGroups = graph.legend;
  keepSlots(legendGroups, message.slots);
  fallbackData = undefined;
  // A picture sent before the host saw the page's latest change of the controls keeps them as the user set them.
  if ((message.seq ?? 0) >= stateSeq) {
    state = message.state;
    showControls(state);
  }
  document.body.classList.toggle('mg-local', message.local);
  problem.textContent = message.problem ?? '';
  problem.hidden = !message.problem;
  views.replaceChildren(new Option('Views…', ''), ...message.views.map(name => new Option(name, name)));
  const colors = themeColors();
  showLegend(colors);
  renderer?.destroy();
  renderer = undefined;
  try {
    renderer = createGraphRenderer(canvas, graph, {
      colors,
      groupSlots,
      positions: message.relayout ? undefined : message.positions,
      worker: layoutWorker,
      onOpen: (id, toSide) => post({ type: 'open', id, toSide }),
      onPositions: positions => post({ type: 'positions', positions }),
      onFrame: (ms, reduced, complete) => {
        const at = epochNow();
        remember(recentFrames, { at, ms, reduced, complete });
        firstFrameAt ??= at;
        if (complete) firstWholeAt ??= at;
        frames++;
        if (firstFrameMs < 0) {
          firstFrameMs = performance.now() - opened;
          performance.mark('marginalia-graph-first-frame');
          reportStats();
        } else longestFrameMs = Math.max(longestFrameMs, ms);
      },
    });
    canvas.hidden = false;
    fallback.hidden = true;
    fallbackReason = undefined;
    if (message.relayout) renderer.relayout();
    renderer.setActive(active ?? graph.center);
    highlightSearch();
  } catch (e) {
    renderer = undefined;
    showFallback(e instanceof Error ? e.message : String(e));
  }
  showCounts();
}

let statsTimer: number | undefined;
function reportStats(): void {
  window.clearTimeout(statsTimer);
  statsTimer = window.setTimeout(() => {
    // The colour each group's nodes are drawn in (the renderer's own), for the host's tests.
    const fills = renderer ? legendGroups.map((_, i) => renderer!.groupColor(i)) : groupFills(legendGroups, themeColors(), groupSlots);
    const legend = legendGroups.map((g, i) => [g.name, fills[i]] as const);
    post({ type: 'stats', firstFrameMs, longestFrameMs, frames, nodes: renderer?.nodeCount ?? fallbackData?.nodes.length ?? 0, legend });
  }, 0);
}

window.addEventListener('message', event => {
  const m = event.data as ToGraphWebview;
  switch (m?.type) {
    case 'graph':
      graphReceivedAt ??= epochNow();
      draw(m);
      graphTakenAt ??= epochNow();
      break;
    case 'diff':
      if (m.diff.groups) {
        legendGroups = m.diff.groups;
        keepSlots(legendGroups, m.slots);
        showLegend(themeColors());
      }
      if (renderer) {
        const started = performance.now();
        renderer.update(m.diff);
        remember(recentDiffs, { at: performance.timeOrigin + started, appliedMs: performance.now() - started });
      } else if (fallbackData) {
        fallbackData = applyGraphDiff(fallbackData, m.diff);
        showFallback(fallbackReason ?? 'no canvas');
      }
      showCounts();
      // The host (and its tests) learn the node count the page now holds.
      reportStats();
      break;
    case 'posted':
      // VS Code dropped the picture posted while this page loaded (its content was set again): ask again.
      if (!graph) post({ type: 'ready' });
      break;
    case 'active':
      active = m.id;
      renderer?.setActive(m.id);
      if (!renderer && fallbackReason !== undefined) showFallback(fallbackReason);
      break;
  }
});

let filterTimer: number | undefined;
// Any change sends the controls whole, the filter's text with them: a filter change still waiting
// is sent by it, and must not follow later with the controls as they were (after a view was chosen).
const changed = () => {
  window.clearTimeout(filterTimer);
  post({ type: 'state', state: readControls(), seq: ++stateSeq });
};
for (const t of toggles) $(`mg-graph-${t}`).addEventListener('change', changed);
for (const s of [depth, groupBy, sizeBy]) s.addEventListener('change', changed);
filter.addEventListener('input', () => {
  window.clearTimeout(filterTimer);
  filterTimer = window.setTimeout(changed, 300);
});
search.addEventListener('input', highlightSearch);
views.addEventListener('change', () => {
  if (!views.value) return;
  window.clearTimeout(filterTimer);
  post({ type: 'useView', name: views.value });
});
$('mg-graph-save').addEventListener('click', () => post({ type: 'saveView' }));
$('mg-graph-relayout').addEventListener('click', () => post({ type: 'relayout' }));
// The theme changed: VS Code swaps the body's classes and its colour variables.
new MutationObserver(() => {
  if (!renderer) return;
  const colors = themeColors();
  renderer.setColors(colors);
  showLegend(colors);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

/** For UI tests: where a node is drawn, so a real click can hit it. */
(window as unknown as { marginaliaGraph: unknown }).marginaliaGraph = {
  nodeCount: () => renderer?.nodeCount ?? 0,
  active: () => active,
  /** The page's count of its control changes, and the count and controls of the picture drawn. */
  controls: () => ({ changed: stateSeq, shown: shownSeq, state: shownState }),
  ids: () => shownNodes().map(n => n.id),
  labels: () => renderer?.labels() ?? [],
  layoutRunsIn: () => renderer?.layoutRunsIn(),
  /** The bench's timeline: epoch times of this page's first frame and first whole picture, the last frames and diffs. */
  timings: () => ({
    firstFrameAt, firstWholeAt, frames: recentFrames.slice(), diffs: recentDiffs.slice(),
    // The page's part of the chain: its script fetched (resource timing) and run, `ready` posted, the picture received and taken.
    scriptFetchedAt: scriptFetched(), scriptAt, readyAt, graphReceivedAt, graphTakenAt,
  }),
  positionOf: (id: string) => {
    const p = renderer?.screenPosition(id);
    const r = canvas.getBoundingClientRect();
    return p && { x: p.x + r.left, y: p.y + r.top };
  },
};

/** When this page's script had been fetched (epoch ms), from the resource timing of the one script. */
function scriptFetched(): number | undefined {
  const entry = performance.getEntriesByType('resource').find(e => /graph\.js(\?|$)/.test(e.name)) as PerformanceResourceTiming | undefined;
  return entry && performance.timeOrigin + entry.responseEnd;
}

const readyAt = epochNow();
post({ type: 'ready' });
