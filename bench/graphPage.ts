/// <reference lib="dom" />
/// <reference path="../media/src/graph/workerSource.d.ts" />
// `npm run bench -- --graph`, the webview side: the graph renderer (media/src/graph/renderer.ts)
// on a bare page in the same chromium the workbench runs in, timed with the performance API.
import { createGraphRenderer, type GraphRenderer } from '../media/src/graph/renderer';
import type { GraphDiff } from '../src/core/graph/graphDiff';
import type { PackedGraph } from '../src/core/graph/packedGraph';
import layoutWorkerSource from '../media/src/graph/layoutWorker?worker';

const colors = { background: '#1e1e1e', foreground: '#cccccc', edge: '#858585', accent: '#007fd4', palette: ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'], ungrouped: '#9d9d9d' };
const nextFrame = () => new Promise<number>(r => requestAnimationFrame(r));
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

interface Run {
  firstFrameMs: number;
  longestFrameMs: number;
  framesWhileMoving: number;
  reducedFrames: number;
  positions?: number[];
  diffMs?: number;
  diffWallMs?: number;
  layoutFrameMs?: number;
}

const workerUrl = URL.createObjectURL(new Blob([layoutWorkerSource], { type: 'text/javascript' }));

async function open(data: PackedGraph, positions: number[] | undefined, settleMs: number, diff?: GraphDiff): Promise<Run> {
  document.body.replaceChildren();
  const stage = document.createElement('div');
  stage.style.cssText = 'position:relative;width:1400px;height:900px';
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'width:1400px;height:900px;display:block';
  stage.append(canvas);
  document.body.append(stage);
  let frames: { ms: number; reduced: boolean }[] = [];
  let first = -1;
  const start = performance.now();
  let layoutFrame = 0;
  const r: GraphRenderer = createGraphRenderer(canvas, data, {
    colors,
    positions,
    worker: () => new Worker(workerUrl),
    onFrame: (ms, reduced) => {
      if (first < 0) first = performance.now() - start;
      frames.push({ ms, reduced });
    },
  });
  while (first < 0) await nextFrame();
  // While the layout runs (no kept positions): the longest frame it causes.
  const until = performance.now() + settleMs;
  while (performance.now() < until) {
    await sleep(100);
  }
  layoutFrame = Math.max(0, ...frames.map(f => f.ms));
  // Pan and zoom as a user would: an input every 16 ms for 2 s; every frame timed.
  frames = [];
  for (let i = 0; i < 120; i++) {
    if (i % 3 === 0) r.zoomBy(i % 6 === 0 ? 1.08 : 0.93);
    else r.panBy(i % 2 ? 12 : -9, i % 4 ? 7 : -5);
    await sleep(16);
  }
  await sleep(400);
  const moving = frames;
  let diffMs: number | undefined;
  let diffWallMs: number | undefined;
  if (diff) {
    // The page's work for a diff: applying it, and drawing the frame that shows it (the wait
    // for that frame is the browser's, and at a load of 20 it is most of the wall time).
    frames = [];
    const t = performance.now();
    r.update(diff);
    const applied = performance.now() - t;
    while (frames.length === 0) await nextFrame();
    diffMs = applied + frames[0].ms;
    diffWallMs = performance.now() - t;
  }
  const out: Run = {
    firstFrameMs: first,
    longestFrameMs: Math.max(0, ...moving.map(f => f.ms)),
    framesWhileMoving: moving.length,
    reducedFrames: moving.filter(f => f.reduced).length,
    positions: (() => {
      const p = r.positions();
      return data.ids.flatMap(id => p[id] ?? [NaN, NaN]);
    })(),
    diffMs,
    diffWallMs,
    layoutFrameMs: layoutFrame,
  };
  r.destroy();
  return out;
}

(window as unknown as { benchGraph: unknown }).benchGraph = open;
