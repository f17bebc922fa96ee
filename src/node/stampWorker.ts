// The stamps (size, modification time) of many files, taken by a worker thread: 10,000 stats
// cost the calling thread 60–120 ms when taken there, nothing here but posting the paths.
// If the worker cannot run, the promise rejects and the caller stamps a batch at a time.
import { Worker } from 'node:worker_threads';
import type { FileStamp } from '../core/host';

// Plain JavaScript, run as the worker's whole program (no file of its own to bundle or find).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { root, paths } = workerData;
const out = new Float64Array(paths.length * 2);
for (let i = 0; i < paths.length; i++) {
  let s;
  try { s = fs.statSync(root + '/' + paths[i], { throwIfNoEntry: false }); } catch { s = undefined; }
  if (s) { out[2 * i] = s.size; out[2 * i + 1] = s.mtimeMs; } else out[2 * i] = -1;
}
parentPort.postMessage(out, [out.buffer]);
`;

/** Each path's stamp (`root`-relative, `/`-separated), undefined where the file cannot be stamped. */
export async function stampMany(root: string, paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
  const sizesAndTimes = await inWorker(root, paths);
  const out: (FileStamp | undefined)[] = new Array(paths.length);
  for (let i = 0; i < paths.length; i++) {
    const size = sizesAndTimes[2 * i];
    out[i] = size < 0 ? undefined : { size, mtime: sizesAndTimes[2 * i + 1] };
  }
  return out;
}

function inWorker(root: string, paths: readonly string[]): Promise<Float64Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { root, paths } });
    worker.once('message', (out: Float64Array) => {
      resolve(out);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', code => reject(new Error(`the stamp worker stopped (${code})`)));
  });
}
