// Force layout for the graph (d3-force: Barnes-Hut repulsion, springs on links), stepped by the
// renderer a few milliseconds at a time between frames so input never waits for it. Kept
// positions are honoured: a graph whose nodes all have one does not move; new nodes start
// beside a neighbour and settle while the others stay pinned, so yesterday's picture stays.
import { forceCenter, forceLink, forceManyBody, forceSimulation, type Simulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';

export interface LayoutNode extends SimulationNodeDatum {
  readonly id: string;
  x: number;
  y: number;
}

type LayoutLink = SimulationLinkDatum<LayoutNode>;

export interface Layout {
  /** Runs ticks for up to `budgetMs`; true while the layout still moves. */
  step(budgetMs: number): boolean;
  /** Wake the layout after a change (new nodes, a drag); `pinKept` keeps the other nodes still. */
  reheat(alpha: number): void;
  pin(node: LayoutNode, x: number, y: number): void;
  unpin(node: LayoutNode): void;
  /** Replace the nodes and links (after a diff). */
  reset(nodes: LayoutNode[], links: { source: string; target: string }[]): void;
  readonly running: boolean;
}

export function createLayout(nodes: LayoutNode[], links: { source: string; target: string }[]): Layout {
  const charge = forceManyBody<LayoutNode>().strength(-40).theta(0.9).distanceMax(600);
  const springs = forceLink<LayoutNode, LayoutLink>([]).id(n => n.id).distance(40).strength(0.4);
  const sim: Simulation<LayoutNode, LayoutLink> = forceSimulation<LayoutNode>([])
    .force('charge', charge)
    .force('link', springs)
    .force('center', forceCenter(0, 0).strength(0.05))
    .alphaDecay(0.03)
    .stop();
  let alpha = 0;
  const pinned = new Set<LayoutNode>();

  const layout: Layout = {
    get running() {
      return alpha > sim.alphaMin();
    },
    step(budgetMs) {
      if (!layout.running) return false;
      const until = performance.now() + budgetMs;
      do {
        sim.tick();
        alpha = sim.alpha();
      } while (layout.running && performance.now() < until);
      if (!layout.running) {
        // Settled: the nodes pinned only to let new ones find their place are free again.
        for (const n of pinned) {
          n.fx = undefined;
          n.fy = undefined;
        }
        pinned.clear();
      }
      return layout.running;
    },
    reheat(a) {
      sim.alpha(Math.max(sim.alpha(), a));
      alpha = sim.alpha();
    },
    pin(n, x, y) {
      n.fx = x;
      n.fy = y;
    },
    unpin(n) {
      n.fx = undefined;
      n.fy = undefined;
    },
    reset(ns, ls) {
      sim.nodes(ns);
      const ids = new Set(ns.map(n => n.id));
      springs.links(ls.filter(l => ids.has(l.source) && ids.has(l.target)).map(l => ({ source: l.source, target: l.target })));
    },
  };
  layout.reset(nodes, links);
  return layout;
}

/**
 * Starting places: a kept position as is; otherwise beside a placed neighbour, else on a
 * spiral. Returns the nodes that had to be placed (the ones the layout must settle).
 */
export function placeNodes(nodes: LayoutNode[], links: readonly { source: string; target: string }[], kept: ReadonlyMap<string, readonly [number, number]>, placedCount?: number): LayoutNode[] {
  const where = new Map<string, readonly [number, number]>();
  for (const [id, p] of kept) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) where.set(id, p);
  const fresh: LayoutNode[] = [];
  for (const n of nodes) {
    const p = where.get(n.id);
    if (p) {
      n.x = p[0];
      n.y = p[1];
    } else fresh.push(n);
  }
  const neighbour = new Map<string, string>();
  for (const l of links) {
    if (where.has(l.target) && !where.has(l.source)) neighbour.set(l.source, l.target);
    if (where.has(l.source) && !where.has(l.target)) neighbour.set(l.target, l.source);
  }
  // The disc of nodes with no placed neighbour lies around the placed picture.
  const spread = Math.sqrt(placedCount ?? where.size);
  fresh.forEach((n, i) => {
    const near = neighbour.get(n.id);
    const anchor = near === undefined ? undefined : where.get(near);
    if (anchor) {
      const a = (i * 2.399963) % (2 * Math.PI);
      n.x = anchor[0] + 25 * Math.cos(a);
      n.y = anchor[1] + 25 * Math.sin(a);
    } else {
      // Phyllotaxis, as d3-force starts: an even disc with no two nodes on one spot.
      const r = 10 * Math.sqrt(0.5 + i) + 10 * spread;
      const a = (0.5 + i) * Math.PI * (3 - Math.sqrt(5));
      n.x = r * Math.cos(a);
      n.y = r * Math.sin(a);
    }
  });
  return fresh;
}
