// The log lines that say what indexing cost: the time, the CPU, how long the event loop was
// held, and the extension host's memory at the end and once it has settled.
import { writeHeapSnapshot } from 'node:v8';
import type { Logger } from '../../core/host';
import { watchLoopDelay } from './loopDelay';

/**
 * When the memory line is logged after indexing: by then the cache is written (a few seconds
 * after) and V8 has had time to collect what indexing and the write left behind, so the line
 * says what the session keeps, where the line at the end of indexing says the peak.
 */
const SETTLED_MEMORY_MS = 15000;

/** Measures one build from its start: wall time, CPU and the longest event-loop block. */
export class BuildMeter {
  private readonly started = performance.now();
  private readonly cpuBefore = process.cpuUsage();
  private readonly loopDelay = watchLoopDelay();

  /** Milliseconds since the build started. */
  millis(): number {
    return Math.round(performance.now() - this.started);
  }

  /** Stops measuring the event loop (a build abandoned half-way). */
  cancel(): void {
    this.loopDelay();
  }

  /** Stops measuring and logs the line `npm run bench -- --vscode` reads. */
  logCost(logger: Logger, hostKind: string, longestTaskMs: number): void {
    const cpu = process.cpuUsage(this.cpuBefore);
    logger.info(`Longest task while indexing: ${Math.round(longestTaskMs)} ms (event loop held up to ${Math.round(this.loopDelay())} ms; ${hostKind} host; extension host memory ${Math.round(process.memoryUsage().rss / 1048576)} MB; CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms)`);
  }
}

/** Logs the extension host's memory SETTLED_MEMORY_MS after the last build; a new build restarts the wait. */
export class SettledMemoryLog {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly logger: Logger) {}

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const { rss, heapUsed } = process.memoryUsage();
      this.logger.info(`Memory ${SETTLED_MEMORY_MS / 1000} s after indexing: extension host ${Math.round(rss / 1048576)} MB (JavaScript heap in use ${Math.round(heapUsed / 1048576)} MB)`);
      // For measuring, never on by default: what the heap holds then, for Chrome DevTools (`npm run bench -- --vscode --heap DIR`).
      const file = process.env.MARGINALIA_HEAP_SNAPSHOT;
      if (file) this.logger.info(`Heap snapshot written to ${writeHeapSnapshot(file)}`);
    }, SETTLED_MEMORY_MS);
    this.timer.unref?.();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
