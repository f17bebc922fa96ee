// A cold build's scanners: worker threads that read, decode and scan notes (scanBatch.ts) while
// the build's thread files what they send back (docs/index.md, "A cold build on worker threads").
// A worker that cannot start or stops answers every request it holds with the reason, and the
// build reads those notes itself: a note is never lost to a worker.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NoteScanner, ScannedNotes, VaultFile } from '../core/host';

/** The worker's program: dist/scanWorkerMain.js beside the bundle, or out/node/scanWorkerMain.js (tests). */
function workerProgram(): string {
  return path.join(__dirname, 'scanWorkerMain.js');
}

/**
 * Workers for a machine: a core for the build's thread (it files what they send, and V8's own
 * collector and compiler threads run beside it: 10,000 notes, about 0.7 s of CPU, docs/performance.md),
 * the others scan, one at least, at most three. `MARGINALIA_SCAN_WORKERS` overrides it (0: none).
 */
export function scanWorkerCount(): number {
  const set = process.env.MARGINALIA_SCAN_WORKERS;
  if (set !== undefined && set !== '' && Number.isInteger(Number(set))) return Math.max(0, Number(set));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(3, Math.max(1, cores - 1));
}

type Outcome = ScannedNotes | { failed: string };

interface Scanner {
  readonly worker: Worker;
  readonly waiting: Map<number, (outcome: Outcome) => void>;
  failed?: string;
}

/**
 * Fewer notes are read and scanned on the build's own thread: a worker takes 30-100 ms to start
 * and warms the scanner up again; at 1,000 and 3,000 notes the CLI was slower with one, in wall
 * and CPU time (docs/performance.md).
 */
export const SCAN_WORKERS_FROM = 5000;

export interface ScanPoolOptions {
  readonly maxFileBytes: number;
  readonly keepTexts: boolean;
  /** Workers to start (default scanWorkerCount()). */
  readonly workers?: number;
  /** The worker's program (tests give one that fails). */
  readonly program?: string;
}

/** Scanners of the notes under `root` for one build; undefined when none can start. */
export function startScanPool(root: string, options: ScanPoolOptions): NoteScanner | undefined {
  const count = options.workers ?? scanWorkerCount();
  const program = options.program ?? workerProgram();
  if (count < 1 || !fs.existsSync(program)) return undefined;
  const scanners: Scanner[] = [];
  for (let scanner = 0; scanner < count; scanner++) {
    let worker: Worker;
    try {
      worker = new Worker(program, { workerData: { root, scanner, maxFileBytes: options.maxFileBytes, keepTexts: options.keepTexts } });
    } catch {
      continue;
    }
    const s: Scanner = { worker, waiting: new Map() };
    const fail = (why: string) => {
      s.failed ??= why;
      for (const answer of s.waiting.values()) answer({ failed: s.failed });
      s.waiting.clear();
    };
    worker.on('message', (m: { id: number; scanned: ScannedNotes }) => {
      const answer = s.waiting.get(m.id);
      s.waiting.delete(m.id);
      answer?.(m.scanned);
      if (s.waiting.size === 0) worker.unref();
    });
    worker.once('error', e => fail(`a scan worker failed: ${e instanceof Error ? e.message : String(e)}`));
    worker.once('exit', code => fail(`a scan worker stopped (${code})`));
    worker.unref();
    scanners.push(s);
  }
  if (scanners.length === 0) return undefined;
  let next = 0;
  let id = 0;
  return {
    scan(files: readonly VaultFile[]): Promise<Outcome> {
      // Round robin over the scanners still working: requests are of like size.
      for (let tried = 0; tried < scanners.length; tried++) {
        const s = scanners[next];
        next = (next + 1) % scanners.length;
        if (s.failed !== undefined) continue;
        const request = id++;
        const answer = new Promise<Outcome>(resolve => s.waiting.set(request, resolve));
        s.worker.ref();
        s.worker.postMessage({ id: request, files: files.map(f => ({ path: f.path, size: f.size })) });
        return answer;
      }
      return Promise.resolve({ failed: scanners[0].failed ?? 'no scan worker' });
    },
    stop(): void {
      for (const s of scanners) {
        s.failed ??= 'stopped';
        for (const answer of s.waiting.values()) answer({ failed: 'the build stopped its scan workers' });
        s.waiting.clear();
        void s.worker.terminate();
      }
    },
  };
}
