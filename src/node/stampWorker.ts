// The stamps (size, modification time) of many files, taken by a worker thread: 10,000 stats
// cost the calling thread 60–120 ms when taken there, nothing here but posting the paths.
// If the worker cannot run, the promise rejects and the caller stamps a batch at a time.
import { Worker } from 'node:worker_threads';
import type { FileStamp } from '../core/host';

// Plain JavaScript, run as the worker's whole program (no file of its own to bundle or find).
// It starts, then waits for the paths: a caller can start it before it knows them.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { root } = workerData;
parentPort.once('message', paths => {
  const out = new Float64Array(paths.length * 2);
  for (let i = 0; i < paths.length; i++) {
    let s;
    try { s = fs.statSync(root + '/' + paths[i], { throwIfNoEntry: false }); } catch { s = undefined; }
    if (s) { out[2 * i] = s.size; out[2 * i + 1] = s.mtimeMs; } else out[2 * i] = -1;
  }
  parentPort.postMessage(out, [out.buffer]);
});
`;

/** A worker not given its paths within this long stops (a listing whose notes were never stamped). */
const UNUSED_MS = 30000;

/** Each path's stamp (`root`-relative, `/`-separated), undefined where the file cannot be stamped. */
export function stampMany(root: string, paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
  return startStamper(root)(paths);
}

/**
 * Starts a stamp worker now and returns the function that hands it its paths (once): a worker
 * takes 30–120 ms to start, which a caller can spend listing the folder the paths come from.
 */
export function startStamper(root: string): (paths: readonly string[]) => Promise<(FileStamp | undefined)[]> {
  let worker: Worker;
  let failed: Error | undefined;
  let result: Promise<Float64Array>;
  try {
    worker = new Worker(WORKER, { eval: true, workerData: { root } });
    worker.unref(); // a worker waiting for paths keeps no process alive
    result = new Promise((resolve, reject) => {
      worker.once('message', (out: Float64Array) => {
        resolve(out);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', code => reject(new Error(`the stamp worker stopped (${code})`)));
    });
    result.catch(() => {}); // rejections reach the caller through the returned function
  } catch (e) {
    failed = e instanceof Error ? e : new Error(String(e));
  }
  const unused = setTimeout(() => void worker?.terminate(), UNUSED_MS);
  unused.unref?.();
  let used = false;
  return async paths => {
    if (failed) throw failed;
    if (used) throw new Error('a stamp worker stamps once');
    used = true;
    clearTimeout(unused);
    worker.ref();
    worker.postMessage(paths);
    const sizesAndTimes = await result;
    const out: (FileStamp | undefined)[] = new Array(paths.length);
    for (let i = 0; i < paths.length; i++) {
      const size = sizesAndTimes[2 * i];
      out[i] = size < 0 ? undefined : { size, mtime: sizesAndTimes[2 * i + 1] };
    }
    return out;
  };
}
