// The stamp worker (src/node/stampWorker.ts): started before it knows its paths (the extension
// starts it with a folder's listing), it stamps what it is then given as fs.statSync does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { StampWorker, stampMany } from '../../../src/node/stampWorker';
import { folderWith } from '../tempFolder';

const folder = (files: Record<string, string | Buffer>) => folderWith(files, 'marginalia-worker-');

const statOf = (dir: string, p: string) => {
  const s = fs.statSync(path.join(dir, p), { throwIfNoEntry: false });
  return s && { size: s.size, mtime: s.mtimeMs };
};

suite('node: stamp worker', () => {
  test('started ahead of its paths, stamps them as statSync does; a missing file has none', async () => {
    const dir = folder({ 'a.md': 'one', 'sub/b.md': 'two two' });
    const worker = new StampWorker(dir);
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
});
