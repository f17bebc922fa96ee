// How long the extension host's event loop was held, measured by Node's own timer histogram:
// indexing must never hold it long (typing waits behind it), and the log says how long it did.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 2;

/** Starts measuring; the function returned stops and gives the longest block seen, in ms. */
export function watchLoopDelay(): () => number {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return () => {
    histogram.disable();
    // A sample is the time between two ticks of a timer due every RESOLUTION_MS.
    return Math.max(0, histogram.max / 1e6 - RESOLUTION_MS);
  };
}
