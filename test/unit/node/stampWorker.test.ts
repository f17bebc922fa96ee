// The folder worker (src/node/stampWorker.ts): started before it knows its paths (the extension
// starts it with a folder's listing), it stamps what it is then given as fs.statSync does, and
// reads files ahead a few batches at a time, each handed over once.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FolderWorker, stampMany } from '../../../src/node/stampWorker';

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-worker-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const statOf = (dir: string, p: string) => {
  const s = fs.statSync(path.join(dir, p), { throwIfNoEntry: false });
  return s && { size: s.size, mtime: s.mtimeMs };
};

/** What `take` hands over for `path` once it has arrived (the worker's messages come between tasks). */
async function taken(worker: FolderWorker, p: string): Promise<Uint8Array> {
  for (let i = 0; i < 5000; i++) {
    const bytes = worker.take(p);
    if (bytes) return bytes;
    await new Promise(resolve => setTimeout(resolve, 2));
  }
  throw new Error(`${p} never arrived`);
}

suite('node: folder worker', () => {
  test('started ahead of its paths, stamps them as statSync does; a missing file has none', async () => {
    const dir = folder({ 'a.md': 'one', 'sub/b.md': 'two two' });
    const worker = new FolderWorker(dir);
    try {
      await new Promise(resolve => setTimeout(resolve, 50)); // the listing, meanwhile
      fs.writeFileSync(path.join(dir, 'c.md'), 'written after the worker started');
      const paths = ['a.md', 'sub/b.md', 'c.md', 'gone.md'];
      const stamps = await worker.stamp(paths);
      assert.deepStrictEqual(stamps, paths.map(p => statOf(dir, p)));
      assert.strictEqual(stamps[3], undefined);
      assert.deepStrictEqual(await stampMany(dir, paths), stamps);
    } finally {
      worker.stop();
    }
  });

  test('reads ahead: every file once, as on disk, past more batches than it sends unasked; large and missing files are left to the caller', async function () {
    this.timeout(30000); // 12 MB through a worker on a loaded machine
    const files: Record<string, Buffer> = {};
    // 12 MB in 40 files: more than the eight 1 MB batches the worker sends before any is taken.
    for (let i = 0; i < 40; i++) files[`n${String(i).padStart(2, '0')}.md`] = Buffer.alloc(300 * 1024, 97 + (i % 26));
    files['big.md'] = Buffer.alloc(2048, 120);
    const dir = folder(files);
    const paths = [...Object.keys(files), 'gone.md'];
    const worker = new FolderWorker(dir);
    try {
      const stamps = await worker.stamp(paths);
      worker.readAhead(paths, 1024 * 1024 /* big.md is under it */ - 1);
      for (const p of paths.filter(p => p.startsWith('n'))) {
        assert.deepStrictEqual(Buffer.from(await taken(worker, p)), files[p], p);
        assert.strictEqual(worker.take(p), undefined, `${p} is handed over once`);
      }
      assert.deepStrictEqual(Buffer.from(await taken(worker, 'big.md')), files['big.md']);
      assert.strictEqual(worker.take('gone.md'), undefined);
      assert.strictEqual(stamps.length, paths.length);
    } finally {
      worker.stop();
    }
    // Over maxBytes: not read ahead.
    const small = new FolderWorker(dir);
    try {
      small.readAhead(['n00.md', 'big.md'], 4096);
      // One batch, sent after both were looked at: once big.md is there, n00.md was passed over.
      assert.deepStrictEqual(Buffer.from(await taken(small, 'big.md')), files['big.md']);
      assert.strictEqual(small.take('n00.md'), undefined, 'n00.md is over 4 KB');
    } finally {
      small.stop();
    }
  });
});
