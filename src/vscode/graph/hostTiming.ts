// Timings of the graph panel's work in the extension host, for the debug log (`npm run bench --
// --graph` reads them; see docs/performance.md): wall time and the host's CPU time meanwhile.
// The host's clock is `Date.now()`, the epoch clock the webview's `performance.timeOrigin +
// performance.now()` also counts in, so one timeline spans both processes.

export interface HostTiming {
  readonly ms: number;
  /** The extension host's CPU time (user + system, every thread); undefined where Node's is not there. */
  readonly cpuMs: number | undefined;
}

/** Starts a clock; calling the result reads it. */
export function startHostTiming(): () => HostTiming {
  const cpu = typeof process !== 'undefined' && typeof process.cpuUsage === 'function' ? process.cpuUsage() : undefined;
  const t = performance.now();
  return () => {
    const ms = performance.now() - t;
    const used = cpu && process.cpuUsage(cpu);
    return { ms, cpuMs: used ? (used.user + used.system) / 1000 : undefined };
  };
}

/** "12.3 ms (CPU 11.0 ms)", as the debug lines say it. */
export function formatHostTiming(t: HostTiming): string {
  return `${t.ms.toFixed(1)} ms (CPU ${t.cpuMs === undefined ? '?' : t.cpuMs.toFixed(1)} ms)`;
}
