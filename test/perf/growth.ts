// How the cost of a function grows with its input, measured so that neither a loaded machine nor
// the memory hierarchy changes the verdict on correct code.
//
// Three sizes are timed: n, 4n and 16n. A linear function takes about 4x the time for each
// step, a quadratic one 16x. But a linear function does not take exactly 4x on a real machine:
// once the input's working set leaves the CPU's caches or V8's young generation, every byte
// costs a constant factor more, and the step that crosses that cliff takes 15-30x (measured:
// the scanner on a long table costs 0.7 µs a row up to 10,000 rows and 5 µs a row from 40,000
// on; an unclosed `$$` block and unclosed backticks have such a cliff too). A cliff is crossed
// once; a quadratic function grows 16x at every step. So the verdict is on the smaller of the
// two steps: it must stay under 8x (the geometric middle of linear and quadratic), and the
// whole 16x must cost more than 4x (else the large input is not read to its end, and the case
// tests nothing).
//
// The largest cliff is the young generation's: a call whose output (a scan's links and ranges)
// outgrows V8's semi-space has its objects copied into the old generation, several times the cost
// per object (measured, Node's default 16 MB semi-space: scanning reference links or table rows
// costs 0.6-0.9 µs a unit up to 4,000 units and 5-6 µs from 32,000 on). Such a cliff spans more
// than one step of 4, so a case whose output is objects per unit keeps its largest input below it
// (4,000 units; a quadratic scan is still 16x per step there). A larger semi-space only moves the
// cliff: with 64 MB the 5 MB single line, smooth at 16 MB, went 5x then 15x.
//
// Each size's time per call is the minimum over samples of a batch of calls (other processes
// on the machine, preempting this one and flushing its caches, only ever add time); time is
// this process's CPU time; each size is warmed up on its own first (V8 optimizes for the
// shapes it sees); the sizes are timed in turns, each batch lasting a few milliseconds.
import * as assert from 'assert';

/** Each size is STEP times the previous one. */
export const STEP = 4;
/** The smaller step may cost at most LIMIT times the time. */
export const LIMIT = 8;

export interface GrowthOptions {
  /** Batches timed per size. */
  readonly samples?: number;
  /** A batch of calls lasts at least this long, so timer resolution and call overhead do not count. */
  readonly minBatchMs?: number;
}

export interface Growth {
  /** n, STEP n, STEP² n. */
  readonly sizes: readonly number[];
  /** Milliseconds per call at each size. */
  readonly ms: readonly number[];
  /** Time ratio of each step (sizes[i + 1] over sizes[i]). */
  readonly steps: readonly number[];
  /** Time ratio of the largest size over the smallest. */
  readonly overall: number;
}

/** CPU time of this process (all its threads: GC included), in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Milliseconds per call of `run(input)`, over `calls` calls. */
function perCall<T>(run: (input: T) => unknown, input: T, calls: number): number {
  const start = cpuMs();
  for (let i = 0; i < calls; i++) run(input);
  return (cpuMs() - start) / calls;
}

/** Runs `run(input)` until V8 has had the time to optimize it; returns how many calls make a batch last `minMs`. */
function warmUp<T>(run: (input: T) => unknown, input: T, minMs: number): number {
  let once = Math.max(perCall(run, input, 1), 1e-3);
  const start = cpuMs();
  while (cpuMs() - start < 4 * minMs) once = Math.max(perCall(run, input, Math.ceil(minMs / once)), 1e-3);
  return Math.ceil(minMs / once);
}

/** Times `run(make(size))` for size n, STEP n and STEP² n. */
export function measureGrowth<T>(run: (input: T) => unknown, make: (n: number) => T, n: number, options: GrowthOptions = {}): Growth {
  const samples = options.samples ?? 9;
  const minMs = options.minBatchMs ?? 10;
  const sizes = [n, STEP * n, STEP * STEP * n];
  const inputs = sizes.map(make);
  const calls = inputs.map(input => warmUp(run, input, minMs));
  const ms = sizes.map(() => Infinity);
  for (let s = 0; s < samples; s++) {
    for (let k = 0; k < sizes.length; k++) {
      const i = s % 2 === 0 ? k : sizes.length - 1 - k;
      ms[i] = Math.min(ms[i], perCall(run, inputs[i], calls[i]));
    }
  }
  const steps = ms.slice(1).map((t, i) => t / ms[i]);
  return { sizes, ms, steps, overall: ms[ms.length - 1] / ms[0] };
}

/** "4x the input: 3.9x then 4.1x the time" */
export function describeGrowth(growth: Growth): string {
  return `${STEP}x the input: ${growth.steps.map(step => `${step.toFixed(1)}x`).join(' then ')} the time`;
}

/** Measurements a verdict may take: a pass needs one, a failure all of them. */
export const ATTEMPTS = 3;

/**
 * The check a growth test makes: of the two steps n -> 4n -> 16n, the smaller costs less than
 * LIMIT times the time, and 16n costs more than 4 times n. On a loaded machine a linear
 * function's steps can come out at 6-9x (a large input, preempted, finds its caches flushed more
 * often than a small one does), so a failing measurement is taken again, up to ATTEMPTS in all:
 * noise adds time, it does not take a quadratic function's 16x under 8x. Returns the passing
 * measurement (log it).
 */
export function assertGrowsLinearly<T>(run: (input: T) => unknown, make: (n: number) => T, n: number, options: GrowthOptions = {}): Growth {
  const tries: Growth[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const growth = measureGrowth(run, make, n, options);
    tries.push(growth);
    if (growth.overall > STEP && Math.min(...growth.steps) < LIMIT) return growth;
    if (attempt + 1 < ATTEMPTS) console.log(`      over the limit, measuring again: ${describeGrowth(growth)}`);
  }
  const last = tries[tries.length - 1];
  assert.ok(last.overall > STEP, `${describeGrowth(last)}: ${STEP * STEP}x took only ${last.overall.toFixed(1)}x: is the large input read at all?`);
  assert.fail(`${tries.map(describeGrowth).join('; ')} (linear: ${STEP}x, limit ${LIMIT}x, quadratic: ${STEP * STEP}x)`);
}
