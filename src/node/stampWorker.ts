// A worker thread for a folder's files: their stamps (size, modification time), then, where a
// build will read them all, their bytes read ahead. 10,000 stats cost the calling thread 60–120 ms
// when taken there and 10,000 reads (open, read, close) about as much again; here it only posts
// the paths and takes the bytes, while the other core does the system calls.
// If the worker cannot run, stamping rejects (the caller stamps a batch at a time) and nothing is
// read ahead (the caller reads each file itself).
import { Worker } from 'node:worker_threads';
import type { FileStamp } from '../core/host';

// Plain JavaScript, run as the worker's whole program (no file of its own to bundle or find).
// It starts, then waits for work: a caller can start it before it knows the paths. Requests are
// done in the order they came, so stamps taken before a read are taken before it.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { root } = workerData;
let credit = 0;
let wake;
const queue = [];
let running = false;
parentPort.on('message', m => {
  if (m.credit) { credit += m.credit; if (wake) { const w = wake; wake = undefined; w(); } return; }
  queue.push(m);
  if (!running) void run();
});
async function run() {
  running = true;
  while (queue.length > 0) {
    const m = queue.shift();
    if (m.stamp) stamp(m.stamp);
    else if (m.read) await read(m.read, m.maxBytes, m.batchBytes);
  }
  running = false;
}
function stamp(paths) {
  const out = new Float64Array(paths.length * 2);
  for (let i = 0; i < paths.length; i++) {
    let s;
    try { s = fs.statSync(root + '/' + paths[i], { throwIfNoEntry: false }); } catch { s = undefined; }
    if (s) { out[2 * i] = s.size; out[2 * i + 1] = s.mtimeMs; } else out[2 * i] = -1;
  }
  parentPort.postMessage({ stamps: out }, [out.buffer]);
}
// Whole files, in batches of about batchBytes; a batch is sent when the caller has credit left
// (it gives one back for each batch it has taken in), so only a few are in memory at once.
async function read(paths, maxBytes, batchBytes) {
  let names = [], ends = [], parts = [], bytes = 0;
  const send = async () => {
    while (credit <= 0) await new Promise(resolve => { wake = resolve; });
    credit--;
    const joined = new Uint8Array(bytes);
    let at = 0;
    for (const p of parts) { joined.set(p, at); at += p.length; }
    parentPort.postMessage({ names, ends: Int32Array.from(ends), bytes: joined }, [joined.buffer]);
    names = []; ends = []; parts = []; bytes = 0;
  };
  for (const path of paths) {
    let b;
    try { b = fs.readFileSync(root + '/' + path); } catch { continue; } // the caller's own read says why
    if (b.length > maxBytes) continue; // the caller's own read finds it too large
    names.push(path); parts.push(b); bytes += b.length; ends.push(bytes);
    if (bytes >= batchBytes) await send();
  }
  if (names.length > 0) await send();
  parentPort.postMessage({ readDone: true });
}
`;

/** A worker given no work within this long stops (a listing whose notes were never stamped or read). */
const UNUSED_MS = 30000;
/** Bytes a batch of read-ahead files holds, and batches sent before the caller has taken one in. */
const BATCH_BYTES = 1 << 20;
const BATCHES_AHEAD = 8;

/** Each path's stamp (`root`-relative, `/`-separated), undefined where the file cannot be stamped. */
export function stampMany(root: string, paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
  const worker = new FolderWorker(root);
  return worker.stamp(paths).finally(() => worker.stop());
}

/**
 * A worker started now, before the paths are known (it takes 30–120 ms to start, which a caller
 * can spend listing the folder): it stamps files, then may read files ahead for `take`.
 */
export class FolderWorker {
  private readonly worker: Worker | undefined;
  private readonly failed: Error | undefined;
  private readonly unused: ReturnType<typeof setTimeout>;
  private stamped: ((stamps: Float64Array) => void)[] = [];
  private broken: ((e: Error) => void)[] = [];
  /** Bytes read ahead and not taken yet, by path; each with its batch, whose credit returns when all of it is taken. */
  private readonly ahead = new Map<string, { bytes: Uint8Array; batch: { left: number } }>();
  private stopped = false;

  constructor(root: string) {
    try {
      const worker = new Worker(WORKER, { eval: true, workerData: { root } });
      this.worker = worker;
      worker.unref(); // a worker waiting for work keeps no process alive
      worker.on('message', m => this.receive(m));
      worker.once('error', e => this.fail(e));
      worker.once('exit', code => this.fail(new Error(`the folder worker stopped (${code})`)));
    } catch (e) {
      this.failed = e instanceof Error ? e : new Error(String(e));
    }
    this.unused = setTimeout(() => this.stop(), UNUSED_MS);
    this.unused.unref?.();
  }

  /** Each path's stamp, taken after any earlier request is done. */
  async stamp(paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
    if (this.failed) throw this.failed;
    if (this.stopped) throw new Error('the folder worker has stopped');
    this.use();
    const done = new Promise<Float64Array>((resolve, reject) => {
      this.stamped.push(resolve);
      this.broken.push(reject);
    });
    this.worker!.postMessage({ stamp: paths });
    const sizesAndTimes = await done;
    const out: (FileStamp | undefined)[] = new Array(paths.length);
    for (let i = 0; i < paths.length; i++) {
      const size = sizesAndTimes[2 * i];
      out[i] = size < 0 ? undefined : { size, mtime: sizesAndTimes[2 * i + 1] };
    }
    return out;
  }

  /**
   * Reads `paths` in this order, after any earlier request is done, a few batches ahead of what
   * `take` has taken. A file over `maxBytes` or unreadable is left to the caller's own read.
   */
  readAhead(paths: readonly string[], maxBytes: number): void {
    if (this.failed || this.stopped) return;
    this.use();
    this.worker!.postMessage({ read: paths, maxBytes, batchBytes: BATCH_BYTES });
    this.worker!.postMessage({ credit: BATCHES_AHEAD });
  }

  /** The file's bytes if they were read ahead and have arrived (each path once); else undefined. */
  take(path: string): Uint8Array | undefined {
    const got = this.ahead.get(path);
    if (!got) return undefined;
    this.ahead.delete(path);
    if (--got.batch.left === 0 && !this.stopped) this.worker?.postMessage({ credit: 1 });
    return got.bytes;
  }

  /** Ends the worker and drops what it read ahead; later calls read nothing ahead. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.unused);
    this.ahead.clear();
    void this.worker?.terminate();
  }

  private use(): void {
    clearTimeout(this.unused);
    this.worker!.ref();
  }

  private receive(m: { stamps?: Float64Array; names?: string[]; ends?: Int32Array; bytes?: Uint8Array; readDone?: boolean }): void {
    if (m.stamps) {
      this.broken.shift();
      this.stamped.shift()?.(m.stamps);
    } else if (m.names && m.ends && m.bytes) {
      if (this.stopped) return;
      const batch = { left: m.names.length };
      for (let i = 0, start = 0; i < m.names.length; start = m.ends[i++]) {
        this.ahead.set(m.names[i], { bytes: m.bytes.subarray(start, m.ends[i]), batch });
      }
    }
    // Nothing waits on the worker once it has stamped and read what it was asked: it may idle.
    if ((m.readDone || m.stamps) && this.stamped.length === 0) this.worker?.unref();
  }

  private fail(e: Error): void {
    for (const reject of this.broken) reject(e);
    this.broken = [];
    this.stamped = [];
  }
}
