// How the cost of a function grows with its input, measured so that a loaded machine does not
// change the verdict: time is this process's CPU time (other processes on the machine do not
// add to it, as they add to wall-clock time); each sample times the small and the large input
// back to back, in turns, each over enough calls to last a few milliseconds; and the ratio
// reported is the median of many samples. One slow sample (a GC, a cache flushed by another
// build) moves a minimum or a mean; it does not move a median.

/** CPU time of this process (all its threads: GC included), in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface GrowthOptions {
  /** Samples to take the median of; odd. */
  readonly samples?: number;
  /** A batch of calls lasts at least this long, so timer resolution and call overhead do not count. */
  readonly minBatchMs?: number;
}

/** Milliseconds per call of `run(input)`, over `calls` calls. */
function perCall(run: (input: string) => unknown, input: string, calls: number): number {
  const start = cpuMs();
  for (let i = 0; i < calls; i++) run(input);
  return (cpuMs() - start) / calls;
}

/** How many calls make a batch last `minMs`. */
function callsFor(run: (input: string) => unknown, input: string, minMs: number): number {
  const once = Math.max(perCall(run, input, 1), 1e-3);
  return Math.max(1, Math.ceil(minMs / once));
}

export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median over samples of time(large) / time(small). */
export function growthRatio(run: (input: string) => unknown, small: string, large: string, options: GrowthOptions = {}): number {
  const samples = options.samples ?? 11;
  const minMs = options.minBatchMs ?? 10;
  // Warm up: the first calls run before V8 optimizes, and would make the small input look slow.
  for (let i = 0; i < 3; i++) { run(small); run(large); }
  const smallCalls = callsFor(run, small, minMs);
  const largeCalls = callsFor(run, large, minMs);
  const ratios: number[] = [];
  for (let s = 0; s < samples; s++) {
    let tSmall: number;
    let tLarge: number;
    if (s % 2 === 0) {
      tSmall = perCall(run, small, smallCalls);
      tLarge = perCall(run, large, largeCalls);
    } else {
      tLarge = perCall(run, large, largeCalls);
      tSmall = perCall(run, small, smallCalls);
    }
    ratios.push(tLarge / tSmall);
  }
  return median(ratios);
}
