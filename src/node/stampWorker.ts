// The stamps (size, modification time) of many files, taken by a worker thread: 10,000 stats
// cost the calling thread 60–120 ms when taken there, nothing here but posting the paths.
// If the worker cannot run, the promise rejects and the caller stamps a batch at a time.
// Reading the notes ahead on it too was tried (issue 20): at 10,000 notes the extension host's
// memory at the end of indexing rose by about 50 MB with no time gained, so the build reads them.
import { Worker } from 'node:worker_threads';
import type { FileStamp } from '../core/host';

// Plain JavaScript, run as the worker's whole program (no file of its own to bundle or find).
// It starts, then waits for work: a caller can start it before it knows the paths.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { root } = workerData;
parentPort.on('message', paths => stamp(paths));
function stamp(paths) {
  const out = new Float64Array(paths.length * 2);
  for (let i = 0; i < paths.length; i++) {
    let s;
    try { s = fs.statSync(root + '/' + paths[i], { throwIfNoEntry: false }); } catch { s = undefined; }
    if (s) { out[2 * i] = s.size; out[2 * i + 1] = s.mtimeMs; } else out[2 * i] = -1;
  }
  parentPort.postMessage({ stamps: out }, [out.buffer]);
}
`;

/** A worker given no work within this long stops (a listing whose notes were never stamped). */
const UNUSED_MS = 30000;

/** Each path's stamp (`root`-relative, `/`-separated), undefined where the file cannot be stamped. */
export function stampMany(root: string, paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
  const worker = new StampWorker(root);
  return worker.stamp(paths).finally(() => worker.stop());
}

/**
 * A worker started now, before the paths are known: it takes 30–120 ms to start, which a caller
 * can spend listing the folder.
 */
export class StampWorker {
  private readonly worker: Worker | undefined;
  private readonly failed: Error | undefined;
  private readonly unused: ReturnType<typeof setTimeout>;
  private stamped: ((stamps: Float64Array) => void)[] = [];
  private broken: ((e: Error) => void)[] = [];
  private stopped = false;

  constructor(root: string) {
    try {
      const worker = new Worker(WORKER, { eval: true, workerData: { root } });
      this.worker = worker;
      worker.unref(); // a worker waiting for work keeps no process alive
      worker.on('message', m => this.receive(m));
      worker.once('error', e => this.fail(e));
      worker.once('exit', code => this.fail(new Error(`the stamp worker stopped (${code})`)));
    } catch (e) {
      this.failed = e instanceof Error ? e : new Error(String(e));
    }
    this.unused = setTimeout(() => this.stop(), UNUSED_MS);
    this.unused.unref?.();
  }

  /** Each path's stamp, undefined where the file cannot be stamped. */
  async stamp(paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
    if (this.failed) throw this.failed;
    if (this.stopped) throw new Error('the stamp worker has stopped');
    this.use();
    const done = new Promise<Float64Array>((resolve, reject) => {
      this.stamped.push(resolve);
      this.broken.push(reject);
    });
    this.worker!.postMessage(paths);
    const sizesAndTimes = await done;
    const out: (FileStamp | undefined)[] = new Array(paths.length);
    for (let i = 0; i < paths.length; i++) {
      const size = sizesAndTimes[2 * i];
      out[i] = size < 0 ? undefined : { size, mtime: sizesAndTimes[2 * i + 1] };
    }
    return out;
  }

  /** Ends the worker; later stamps reject. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.unused);
    void this.worker?.terminate();
  }

  private use(): void {
    clearTimeout(this.unused);
    this.worker!.ref();
  }

  private receive(m: { stamps: Float64Array }): void {
    this.broken.shift();
    this.stamped.shift()?.(m.stamps);
    if (this.stamped.length === 0) this.worker?.unref(); // nothing waits on it: it may idle
  }

  private fail(e: Error): void {
    for (const reject of this.broken) reject(e);
    this.broken = [];
    this.stamped = [];
  }
}
