/// <reference lib="dom" />
/// <reference path="../media/src/graph/workerSource.d.ts" />
// `npm run bench -- --graph`, the webview side: the graph renderer (media/src/graph/renderer.ts)
// on a bare page in the same chromium the workbench runs in, timed with the performance API.
// One step per call (bench/graph.mjs reads the page's CPU time around each through DevTools).
import { createGraphRenderer, type GraphRenderer } from '../media/src/graph/renderer';
import type { GraphDiff } from '../src/core/graph/graphDiff';
import type { PackedGraph } from '../src/core/graph/packedGraph';
import layoutWorkerSource from '../media/src/graph/layoutWorker?worker';

const colors = { background: '#1e1e1e', foreground: '#cccccc', edge: '#858585', accent: '#007fd4', palette: ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'], ungrouped: '#9d9d9d' };
const nextFrame = () => new Promise<number>(r => requestAnimationFrame(r));
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const workerUrl = URL.createObjectURL(new Blob([layoutWorkerSource], { type: 'text/javascript' }));

interface Frame {
  ms: number;
  reduced: boolean;
  complete: boolean;
  /** ms since the renderer was created, when the frame ended. */
  at: number;
}

let renderer: GraphRenderer | undefined;
let data: PackedGraph | undefined;
let frames: Frame[] = [];
let start = 0;

/** The graph message as the panel receives it (parsed here, outside the timings). */
function load(json: string): number {
  data = JSON.parse(json) as PackedGraph;
  return data.ids.length;
}

/** Opens the renderer (positions kept, or none) and waits for its first frame: ms to it, and that frame's own ms. */
async function open(positions: number[] | undefined): Promise<{ firstFrameMs: number; frameMs: number }> {
  renderer?.destroy();
  document.body.replaceChildren();
  const stage = document.createElement('div');
  stage.style.cssText = 'position:relative;width:1400px;height:900px';
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'width:1400px;height:900px;display:block';
  stage.append(canvas);
  document.body.append(stage);
  frames = [];
  start = performance.now();
  renderer = createGraphRenderer(canvas, data!, {
    colors,
    positions,
    worker: () => new Worker(workerUrl),
    onFrame: (ms, reduced, complete) => frames.push({ ms, reduced, complete, at: performance.now() - start }),
  });
  while (!frames.length) await nextFrame();
  return { firstFrameMs: frames[0].at, frameMs: frames[0].ms };
}

/** Waits until a frame shows the whole picture (edges follow a big graph's first frame in slices). */
async function whole(maxMs: number): Promise<{ wholeMs?: number; longestFrameMs: number; frames: number }> {
  const until = performance.now() + maxMs;
  while (!frames.some(f => f.complete) && performance.now() < until) await sleep(10);
  return { wholeMs: frames.find(f => f.complete)?.at, longestFrameMs: Math.max(0, ...frames.map(f => f.ms)), frames: frames.length };
}

/** Lets a fresh layout run for `ms`: the longest frame meanwhile, and the positions it reached. */
async function settle(ms: number): Promise<{ layoutFrameMs: number; positions: number[] }> {
  await sleep(ms);
  const p = renderer!.positions();
  return { layoutFrameMs: Math.max(0, ...frames.map(f => f.ms)), positions: data!.ids.flatMap(id => p[id] ?? [NaN, NaN]) };
}

/** An edit's diff: applying it, and the frame that shows it (its own ms; wall from the message to its end). */
async function diff(d: GraphDiff): Promise<{ appliedMs: number; frameMs: number; wallMs: number }> {
  frames = [];
  const t = performance.now();
  renderer!.update(d);
  const appliedMs = performance.now() - t;
  while (!frames.length) await nextFrame();
  return { appliedMs, frameMs: frames[0].ms, wallMs: performance.now() - t };
}

/** The pointer comes over a node: the frame that dims the rest. */
async function hover(): Promise<number> {
  const canvas = document.querySelector('canvas')!;
  const p = renderer!.screenPosition(data!.ids[0])!;
  const r = canvas.getBoundingClientRect();
  frames = [];
  canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + p.x, clientY: r.top + p.y, bubbles: true }));
  while (!frames.length) await nextFrame();
  return frames[0].ms;
}

/** Pan and zoom as a user would: an input every 16 ms for 2 s; every frame timed, and those after the gesture (the whole picture again). */
async function panZoom(): Promise<{ longestFrameMs: number; framesWhileMoving: number; reducedFrames: number; longestAfterMs: number }> {
  frames = [];
  for (let i = 0; i < 120; i++) {
    if (i % 3 === 0) renderer!.zoomBy(i % 6 === 0 ? 1.08 : 0.93);
    else renderer!.panBy(i % 2 ? 12 : -9, i % 4 ? 7 : -5);
    await sleep(16);
  }
  const moving = frames.slice();
  await sleep(1500);
  const after = frames.slice(moving.length);
  return { longestFrameMs: Math.max(0, ...moving.map(f => f.ms)), framesWhileMoving: moving.length, reducedFrames: moving.filter(f => f.reduced).length, longestAfterMs: Math.max(0, ...after.map(f => f.ms)) };
}

function close(): void {
  renderer?.destroy();
  renderer = undefined;
}

(window as unknown as { benchGraph: unknown }).benchGraph = { load, open, whole, settle, diff, hover, panZoom, close };
