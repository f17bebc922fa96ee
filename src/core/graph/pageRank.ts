// PageRank for node sizes: the power iteration, 40 rounds or until it moves less than 1e-6.
// Small enough to keep here rather than build a graphology graph only to call its metrics.

/** Each id's rank, scaled so the mean is 1 (a size factor); dangling nodes spread their rank evenly. */
export function pageRank(ids: readonly string[], edges: readonly { source: string; target: string; count: number }[], damping = 0.85): Map<string, number> {
  const n = ids.length;
  const out = new Map<string, number>();
  if (n === 0) return out;
  const at = new Map(ids.map((id, i) => [id, i]));
  const outWeight = new Float64Array(n);
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (const e of edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (s === undefined || t === undefined) continue;
    from.push(s);
    to.push(t);
    weight.push(e.count);
    outWeight[s] += e.count;
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let round = 0; round < 40; round++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i];
    const base = (1 - damping) / n + (damping * dangling) / n;
    next.fill(base);
    for (let k = 0; k < from.length; k++) next[to[k]] += (damping * rank[from[k]] * weight[k]) / outWeight[from[k]];
    let moved = 0;
    for (let i = 0; i < n; i++) moved += Math.abs(next[i] - rank[i]);
    rank = next;
    if (moved < 1e-6) break;
  }
  for (let i = 0; i < n; i++) out.set(ids[i], rank[i] * n);
  return out;
}
