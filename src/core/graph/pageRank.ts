// PageRank for node sizes: the power iteration, 40 rounds or until it moves less than 1e-6.
// Small enough to keep here rather than build a graphology graph only to call its metrics.

/**
 * Each node's rank (nodes numbered 0..n-1, edge k from `source[k]` to `target[k]` weighing
 * `count[k]`), scaled so the mean is 1 (a size factor); dangling nodes spread their rank evenly.
 */
export function pageRank(n: number, source: ArrayLike<number>, target: ArrayLike<number>, count: ArrayLike<number>, damping = 0.85): Float64Array {
  if (n === 0) return new Float64Array(0);
  const outWeight = new Float64Array(n);
  for (let k = 0; k < source.length; k++) outWeight[source[k]] += count[k];
  let rank = new Float64Array(n).fill(1 / n);
  for (let round = 0; round < 40; round++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i];
    const base = (1 - damping) / n + (damping * dangling) / n;
    next.fill(base);
    for (let k = 0; k < source.length; k++) next[target[k]] += (damping * rank[source[k]] * count[k]) / outWeight[source[k]];
    let moved = 0;
    for (let i = 0; i < n; i++) moved += Math.abs(next[i] - rank[i]);
    rank = next;
    if (moved < 1e-6) break;
  }
  for (let i = 0; i < n; i++) rank[i] *= n;
  return rank;
}
