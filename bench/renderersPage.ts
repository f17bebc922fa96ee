/// <reference lib="dom" />
// `npm run bench -- --graph --renderers`, the page side (bench/renderers.mjs drives it): the same
// graph, the same positions, node sizes and colours on the same 1,400x900 canvas, drawn by
// (a) sigma 3 + graphology (WebGL), as the issue first proposed, once as it comes and once with
// its own level of detail (edges and labels hidden while the camera moves); (b) our renderer
// (media/src/graph/renderer.ts, Canvas 2D, level of detail past 2,000 nodes); (c) a plain WebGL
// baseline (points and lines, one draw call each, every node and edge every frame): the least any
// WebGL renderer can spend. Each is opened, then moved by one requestAnimationFrame loop that
// pans and zooms along the same path for a few seconds; every frame a renderer draws is timed.
import Graph from 'graphology';
import Sigma from 'sigma';
import { createGraphRenderer, groupFills, type GraphColors, type GraphRenderer } from '../media/src/graph/renderer';
import type { PackedGraph } from '../src/core/graph/packedGraph';

const colors: GraphColors = { background: '#1e1e1e', foreground: '#cccccc', edge: '#858585', accent: '#007fd4', palette: ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'], ungrouped: '#9d9d9d' };
const WIDTH = 1400;
const HEIGHT = 900;
const EDGE_ALPHA = 0.55;
const nextFrame = () => new Promise<number>(r => requestAnimationFrame(r));

/** One renderer under test: draws when the camera changes, tells when each frame was drawn. */
interface Subject {
  /** Zoom by a factor around the centre, then pan by screen pixels. */
  move(factor: number, dx: number, dy: number): void;
  /** The gesture starts or ends (a renderer with level of detail draws less meanwhile). */
  moving(on: boolean): void;
  /** Waits until the GPU (or the raster) has finished what was drawn so far. */
  finish(): void;
  destroy(): void;
}

interface Drawn {
  /** performance.now() when the frame's drawing ended. */
  at: number;
  /** Main-thread ms the frame's drawing took (GPU work may go on after it, in another process). */
  ms: number;
}

let graph: PackedGraph;
let xy: Float64Array;
let radii: Float64Array;
let fills: string[];
let drawn: Drawn[] = [];
let subject: Subject | undefined;

/** The node radius our renderer gives (radiusOf in media/src/graph/renderer.ts), so every renderer draws the same sizes. */
const radiusOf = (weight: number) => Math.min(24, 3 + 1.6 * Math.sqrt(Math.max(0, weight)));

/** The scale our renderer's fit() picks for these positions (world units to CSS pixels). */
function fitScale(): { x: number; y: number; scale: number } {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    minX = Math.min(minX, xy[i]);
    maxX = Math.max(maxX, xy[i]);
    minY = Math.min(minY, xy[i + 1]);
    maxY = Math.max(maxY, xy[i + 1]);
  }
  const scale = Math.min(4, Math.max(0.02, 0.85 * Math.min(WIDTH / Math.max(1, maxX - minX + 40), HEIGHT / Math.max(1, maxY - minY + 40))));
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, scale };
}

function load(json: string, positions: number[]): { nodes: number; edges: number } {
  graph = JSON.parse(json) as PackedGraph;
  xy = Float64Array.from(positions);
  radii = Float64Array.from(graph.weights, radiusOf);
  fills = groupFills(graph.legend, colors);
  ratio = undefined;
  return { nodes: graph.ids.length, edges: graph.edges.length / 4 };
}

const fillOf = (i: number) => (graph.groups[i] >= 0 ? fills[graph.groups[i]] ?? colors.ungrouped : colors.ungrouped);

function stage(): HTMLDivElement {
  document.body.replaceChildren();
  const div = document.createElement('div');
  div.style.cssText = `position:relative;width:${WIDTH}px;height:${HEIGHT}px;background:${colors.background}`;
  document.body.append(div);
  return div;
}

function ours(): Subject {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = `width:${WIDTH}px;height:${HEIGHT}px;display:block`;
  stage().append(canvas);
  let r: GraphRenderer | undefined;
  r = createGraphRenderer(canvas, graph, { colors, positions: Array.from(xy), onFrame: ms => drawn.push({ at: performance.now(), ms }) });
  return {
    move(factor, dx, dy) {
      r!.zoomBy(factor);
      r!.panBy(dx, dy);
    },
    moving() {},
    finish: () => void canvas.getContext('2d')!.getImageData(0, 0, 1, 1),
    destroy() {
      r?.destroy();
      r = undefined;
    },
  };
}

/**
 * The camera ratio at which sigma shows the graph as large as our fit() does: measured on a
 * sigma holding only two nodes at the corners of the graph's box (sigma frames a graph by its box).
 */
function sigmaFitRatio(): number {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    minX = Math.min(minX, xy[i]);
    maxX = Math.max(maxX, xy[i]);
    minY = Math.min(minY, -xy[i + 1]);
    maxY = Math.max(maxY, -xy[i + 1]);
  }
  const g = new Graph();
  g.addNode('a', { x: minX, y: minY, size: 1 });
  g.addNode('b', { x: maxX, y: maxY, size: 1 });
  const probe = new Sigma(g, stage(), { stagePadding: 20 });
  const a = probe.graphToViewport({ x: minX, y: minY });
  const b = probe.graphToViewport({ x: maxX, y: maxY });
  probe.kill();
  return Math.abs(b.x - a.x) / ((maxX - minX) * fitScale().scale);
}

function sigma(lod: boolean, ratio: number): Subject {
  const container = stage();
  container.style.position = 'absolute';
  const fit = fitScale();
  // Sigma sizes nodes in screen pixels at camera ratio 1 and by the square root of the zoom, as
  // ours does; its first frame is drawn at ratio 1, then the camera is set to our fitted view.
  const atFit = Math.sqrt(fit.scale * ratio);
  const g = new Graph({ multi: true, type: 'directed' });
  graph.ids.forEach((id, i) => g.addNode(id, { x: xy[2 * i], y: -xy[2 * i + 1], size: Math.max(1.5, radii[i] * atFit), color: fillOf(i), label: graph.titles[i] ?? id }));
  const edgeColor = `rgba(133,133,133,${EDGE_ALPHA})`;
  for (let i = 0; i + 3 < graph.edges.length; i += 4) g.addEdge(graph.ids[graph.edges[i]], graph.ids[graph.edges[i + 1]], { color: edgeColor, size: 1 });
  let started = performance.now();
  // The constructor draws the first frame (the whole graph at sigma's own fit) before it returns,
  // before its events can be listened to; the camera then moves to our fitted view.
  const s = new Sigma(g, container, { hideEdgesOnMove: lod, hideLabelsOnMove: lod, labelRenderedSizeThreshold: 4.5, labelColor: { color: colors.foreground }, labelSize: 12, stagePadding: 20 });
  drawn.push({ at: performance.now(), ms: performance.now() - started });
  s.on('beforeRender', () => (started = performance.now()));
  s.on('afterRender', () => {
    const at = performance.now();
    drawn.push({ at, ms: at - started });
  });
  const camera = s.getCamera();
  camera.setState({ ratio });
  // Screen pixels to sigma's framed coordinates at ratio 1 (the camera moves in those).
  const a = s.viewportToFramedGraph({ x: 0, y: 0 });
  const b = s.viewportToFramedGraph({ x: 100, y: 100 });
  const perPx = { x: (b.x - a.x) / 100, y: (b.y - a.y) / 100 };
  const gl = () => {
    const c = s.getCanvases().nodes ?? s.getCanvases().edges;
    return (c?.getContext('webgl2') ?? c?.getContext('webgl')) as WebGLRenderingContext | null;
  };
  return {
    move(factor, dx, dy) {
      const st = camera.getState();
      const ratio = st.ratio / factor;
      camera.setState({ ratio, x: st.x - dx * perPx.x * ratio, y: st.y - dy * perPx.y * ratio });
    },
    moving(on) {
      // Sigma hides edges and labels while its own mouse captor says the view is being dragged.
      s.getMouseCaptor().isMoving = on;
      if (!on) s.scheduleRender();
    },
    finish: () => void gl()?.readPixels(0, 0, 1, 1, 0x1908 /* RGBA */, 0x1401 /* UNSIGNED_BYTE */, new Uint8Array(4)),
    destroy: () => s.kill(),
  };
}

const VERTEX = `
attribute vec2 a_xy; attribute float a_r; attribute vec4 a_color;
uniform vec2 u_center; uniform float u_scale; uniform vec2 u_view;
varying vec4 v_color;
void main() {
  vec2 p = (a_xy - u_center) * u_scale / (u_view * 0.5);
  gl_Position = vec4(p.x, -p.y, 0.0, 1.0);
  gl_PointSize = 2.0 * max(1.5, a_r * sqrt(u_scale));
  v_color = a_color;
}`;
const FRAGMENT = `
precision mediump float; varying vec4 v_color; uniform bool u_round;
void main() {
  if (u_round && length(gl_PointCoord - vec2(0.5)) > 0.5) discard;
  gl_FragColor = vec4(v_color.rgb * v_color.a, v_color.a);
}`;

/** Every node as a round point and every edge as a 1-pixel line: one buffer and one draw call each. */
function webgl(): Subject {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  canvas.style.cssText = `width:${WIDTH}px;height:${HEIGHT}px;display:block`;
  stage().append(canvas);
  const gl = canvas.getContext('webgl', { antialias: false, premultipliedAlpha: true });
  if (!gl) throw new Error('WebGL is not available');
  const shader = (type: number, src: string) => {
    const sh = gl.createShader(type)!;
    gl.shaderSource(sh, src);
    gl.compileShader(sh);
    return sh;
  };
  const program = gl.createProgram()!;
  gl.attachShader(program, shader(gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  gl.useProgram(program);
  const rgb = (hex: string) => [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16) / 255);
  const n = graph.ids.length;
  // Per vertex: x, y, radius, r, g, b, a.
  const nodeData = new Float32Array(7 * n);
  for (let i = 0; i < n; i++) nodeData.set([xy[2 * i], xy[2 * i + 1], radii[i], ...rgb(fillOf(i)), 1], 7 * i);
  const m = graph.edges.length / 4;
  const edgeData = new Float32Array(14 * m);
  const grey = rgb(colors.edge);
  for (let i = 0; i < m; i++) {
    const s = graph.edges[4 * i], t = graph.edges[4 * i + 1];
    edgeData.set([xy[2 * s], xy[2 * s + 1], 0, ...grey, EDGE_ALPHA, xy[2 * t], xy[2 * t + 1], 0, ...grey, EDGE_ALPHA], 14 * i);
  }
  const buffer = (data: Float32Array) => {
    const b = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, b);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    return b;
  };
  const nodes = buffer(nodeData);
  const edges = buffer(edgeData);
  const attrs: [string, number, number][] = [['a_xy', 2, 0], ['a_r', 1, 2], ['a_color', 4, 3]];
  const bind = (b: WebGLBuffer | null) => {
    gl.bindBuffer(gl.ARRAY_BUFFER, b);
    for (const [name, size, offset] of attrs) {
      const at = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(at);
      gl.vertexAttribPointer(at, size, gl.FLOAT, false, 28, 4 * offset);
    }
  };
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  gl.viewport(0, 0, WIDTH, HEIGHT);
  gl.uniform2f(gl.getUniformLocation(program, 'u_view'), WIDTH, HEIGHT);
  const view = fitScale();
  const bg = rgb(colors.background);
  let frame = 0;
  const draw = () => {
    frame = 0;
    const t = performance.now();
    gl.clearColor(bg[0], bg[1], bg[2], 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.uniform2f(gl.getUniformLocation(program, 'u_center'), view.x, view.y);
    gl.uniform1f(gl.getUniformLocation(program, 'u_scale'), view.scale);
    gl.uniform1i(gl.getUniformLocation(program, 'u_round'), 0);
    bind(edges);
    gl.drawArrays(gl.LINES, 0, 2 * m);
    gl.uniform1i(gl.getUniformLocation(program, 'u_round'), 1);
    bind(nodes);
    gl.drawArrays(gl.POINTS, 0, n);
    const at = performance.now();
    drawn.push({ at, ms: at - t });
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  schedule();
  return {
    move(factor, dx, dy) {
      view.scale *= factor;
      view.x -= dx / view.scale;
      view.y -= dy / view.scale;
      schedule();
    },
    moving() {},
    finish: () => void gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4)),
    destroy() {
      cancelAnimationFrame(frame);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    },
  };
}

let ratio: number | undefined;
const makers: Record<string, () => Subject> = { ours, sigma: () => sigma(false, ratio!), 'sigma-lod': () => sigma(true, ratio!), webgl };

/** Opens a renderer on the loaded graph: ms until its first frame was drawn and finished (pixels read back). */
async function open(name: string): Promise<{ firstFrameMs: number; frameMs: number }> {
  subject?.destroy();
  if (name.startsWith('sigma')) ratio ??= sigmaFitRatio();
  drawn = [];
  const t = performance.now();
  subject = makers[name]();
  while (!drawn.length) await nextFrame();
  subject.finish();
  return { firstFrameMs: performance.now() - t, frameMs: drawn[0].ms };
}

/**
 * Pans and zooms for `ms` along one path (zoom swinging between 0.6x and 1.6x of the fitted view,
 * the centre circling 150 px), a step per animation frame. Every frame the renderer drew meanwhile:
 * how many a second, the longest gap between two (what a user sees stutter), the longest and median
 * time of its drawing code (Canvas 2D calls are recorded there and rasterized later, WebGL's drawn
 * in the GPU process: the CPU per frame that bench/renderers.mjs reads around this step counts both).
 */
async function move(ms: number): Promise<{ fps: number; frames: number; longestGapMs: number; longestDrawMs: number; medianDrawMs: number }> {
  const s = subject!;
  drawn = [];
  s.moving(true);
  const t0 = performance.now();
  let zoom = 1;
  let pan = { x: 0, y: 0 };
  for (let now = await nextFrame(); performance.now() - t0 < ms; now = await nextFrame()) {
    const phase = ((performance.now() - t0) / 3000) * 2 * Math.PI;
    const z = Math.pow(1.6, Math.sin(phase));
    const p = { x: 150 * Math.sin(phase * 1.3), y: 150 * Math.cos(phase * 1.3) - 150 };
    s.move(z / zoom, p.x - pan.x, p.y - pan.y);
    zoom = z;
    pan = p;
    void now;
  }
  const t1 = performance.now();
  s.moving(false);
  const during = drawn.filter(d => d.at <= t1);
  const gaps = during.map((d, i) => d.at - (i ? during[i - 1].at : t0));
  const draws = during.map(d => d.ms).sort((a, b) => a - b);
  return {
    fps: (during.length * 1000) / (t1 - t0),
    frames: during.length,
    longestGapMs: Math.max(0, ...gaps),
    longestDrawMs: draws.at(-1) ?? 0,
    medianDrawMs: draws[Math.floor(draws.length / 2)] ?? 0,
  };
}

/** Lets what follows a first frame happen (our edges fill in slices; sigma moves to our fitted view) before the gesture's CPU is counted. */
async function settle(ms: number): Promise<{ frames: number }> {
  drawn = [];
  await new Promise(r => setTimeout(r, ms));
  return { frames: drawn.length };
}

function close(): void {
  subject?.destroy();
  subject = undefined;
  document.body.replaceChildren();
}

/** What chromium draws WebGL with here (WEBGL_debug_renderer_info), or why it cannot. */
function glRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'WebGL unavailable';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

(window as unknown as { benchRenderers: unknown }).benchRenderers = { load, open, settle, move, close, glRenderer };
