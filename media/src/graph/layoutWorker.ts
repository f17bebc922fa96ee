/// <reference lib="webworker" />
// The graph's layout in a web worker (layout.ts's d3-force simulation), so the page's main thread
// only draws: it posts positions back as it goes, a Float32Array of x, y per node, every ~40 ms.
// Messages in: `run` (positions, pins, links by node number, heat), `pin`, `unpin`, `reheat`, `stop`.
import { createLayout, type Layout, type LayoutNode } from './layout';

export type ToLayoutWorker =
  | { type: 'run'; xy: Float64Array; pinned: Uint8Array; settlePins: Uint8Array; links: Uint32Array; alpha: number }
  | { type: 'pin'; i: number; x: number; y: number }
  | { type: 'unpin'; i: number }
  | { type: 'reheat'; alpha: number }
  | { type: 'stop' };

export interface FromLayoutWorker {
  readonly xy: Float32Array;
  /** The layout settled: it stops until told otherwise. */
  readonly done: boolean;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
let nodes: LayoutNode[] = [];
let layout: Layout | undefined;
let settlePins: number[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

function post(done: boolean): void {
  const xy = new Float32Array(2 * nodes.length);
  nodes.forEach((n, i) => {
    xy[2 * i] = n.x;
    xy[2 * i + 1] = n.y;
  });
  scope.postMessage({ xy, done } satisfies FromLayoutWorker, [xy.buffer]);
}

function loop(): void {
  timer = undefined;
  if (!layout) return;
  const running = layout.step(40);
  if (!running) {
    for (const i of settlePins) layout.unpin(nodes[i]);
    settlePins = [];
  }
  post(!running);
  if (running) timer = setTimeout(loop, 0);
}

function wake(): void {
  if (timer === undefined && layout?.running) timer = setTimeout(loop, 0);
}

scope.onmessage = (event: MessageEvent<ToLayoutWorker>) => {
  const m = event.data;
  switch (m.type) {
    case 'run': {
      nodes = [];
      for (let i = 0; i < m.pinned.length; i++) {
        const n: LayoutNode = { id: String(i), x: m.xy[2 * i], y: m.xy[2 * i + 1] };
        if (m.pinned[i]) {
          n.fx = n.x;
          n.fy = n.y;
        }
        nodes.push(n);
      }
      settlePins = [];
      m.settlePins.forEach((p, i) => {
        if (p) settlePins.push(i);
      });
      const links: { source: string; target: string }[] = [];
      for (let i = 0; i + 1 < m.links.length; i += 2) links.push({ source: String(m.links[i]), target: String(m.links[i + 1]) });
      layout = createLayout(nodes, links);
      layout.reheat(m.alpha);
      wake();
      break;
    }
    case 'pin':
      if (nodes[m.i]) layout?.pin(nodes[m.i], m.x, m.y);
      break;
    case 'unpin':
      if (nodes[m.i]) layout?.unpin(nodes[m.i]);
      break;
    case 'reheat':
      layout?.reheat(m.alpha);
      wake();
      break;
    case 'stop':
      layout = undefined;
      clearTimeout(timer);
      timer = undefined;
      break;
  }
};
